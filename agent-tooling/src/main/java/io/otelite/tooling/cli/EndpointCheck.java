package io.otelite.tooling.cli;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --check}: does the OTLP endpoint each signal would export to answer? One line per signal.
 */
final class EndpointCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private EndpointCheck() {}

  static List<String> run(ConfigProperties config) {
    List<String> lines = new ArrayList<>();
    for (String signal : new String[] {"traces", "metrics", "logs"}) {
      String exporter = config.getString("otel." + signal + ".exporter", "otlp");
      if (!exporter.contains("otlp") || exporter.contains("logging-otlp")) {
        lines.add("check " + signal + ": exporter '" + exporter + "', no OTLP endpoint to try");
        continue;
      }
      String protocol =
          config.getString(
              "otel.exporter.otlp." + signal + ".protocol",
              config.getString("otel.exporter.otlp.protocol", "http/protobuf"));
      String endpoint = endpoint(config, signal, protocol);
      lines.add(
          "check "
              + signal
              + ": OTLP "
              + protocol
              + " to "
              + endpoint
              + ": "
              + probe(endpoint, protocol));
    }
    return lines;
  }

  private static String endpoint(ConfigProperties config, String signal, String protocol) {
    String specific = config.getString("otel.exporter.otlp." + signal + ".endpoint");
    if (specific != null) {
      return specific;
    }
    boolean grpc = protocol.equals("grpc");
    String base =
        config.getString(
            "otel.exporter.otlp.endpoint",
            grpc ? "http://localhost:4317" : "http://localhost:4318");
    if (grpc) {
      return base;
    }
    return (base.endsWith("/") ? base : base + "/") + "v1/" + signal;
  }

  private static String probe(String endpoint, String protocol) {
    try {
      URI uri = URI.create(endpoint);
      if (protocol.equals("grpc")) {
        int port =
            uri.getPort() > 0 ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 4317);
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(uri.getHost(), port), (int) TIMEOUT.toMillis());
        }
        return "reachable (TCP connect), telemetry would arrive";
      }
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Content-Type", "application/x-protobuf")
              .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
              .build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2
          ? "reachable (HTTP " + status + "), telemetry would arrive"
          : "NOT accepted (HTTP " + status + "), telemetry would be dropped";
    } catch (Exception e) {
      return "NOT reachable ("
          + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "), telemetry would be dropped";
    }
  }
}
