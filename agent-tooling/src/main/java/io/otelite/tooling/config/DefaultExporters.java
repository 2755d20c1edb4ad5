package io.otelite.tooling.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
import java.util.Map;

/**
 * The export default: an explicit {@code otel.<signal>.exporter} always wins; without one, a signal
 * goes over OTLP when an OTLP endpoint is configured for it. Otherwise traces and metrics go to the
 * console, so that a new user sees telemetry at once with no configuration at all, and logs go
 * nowhere: the application already prints its own log lines, and printing each of them again would
 * double its output. OTLP goes over http/protobuf unless a protocol is set.
 */
final class DefaultExporters {
  private static final String[] SIGNALS = {"traces", "metrics", "logs"};

  private DefaultExporters() {}

  static Map<String, String> choose(ConfigProperties config) {
    Map<String, String> chosen = new HashMap<>();
    // the SDK's autoconfiguration defaults to grpc; the OpenTelemetry agent, and so otelite, to
    // http/protobuf
    if (!isSet(config, "otel.exporter.otlp.protocol")) {
      chosen.put("otel.exporter.otlp.protocol", "http/protobuf");
    }
    boolean genericEndpoint = isSet(config, "otel.exporter.otlp.endpoint");
    for (String signal : SIGNALS) {
      String exporterKey = "otel." + signal + ".exporter";
      if (isSet(config, exporterKey)) {
        continue;
      }
      boolean otlp = genericEndpoint || isSet(config, "otel.exporter.otlp." + signal + ".endpoint");
      chosen.put(exporterKey, otlp ? "otlp" : withoutEndpoint(signal));
    }
    return chosen;
  }

  private static String withoutEndpoint(String signal) {
    return signal.equals("logs") ? "none" : "console";
  }

  private static boolean isSet(ConfigProperties config, String key) {
    String value = config.getString(key);
    return value != null && !value.trim().isEmpty();
  }
}
