package io.otelite.smoke.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver speaking binary protobuf ({@code POST /v1/traces}, {@code /v1/metrics},
 * {@code /v1/logs}, gzip or not), as a Collector does, on a free loopback port.
 */
public final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ReceivedTelemetry telemetry = new ReceivedTelemetry();

  private OtlpHttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext(
        "/v1/traces",
        exchange ->
            handle(
                exchange,
                body -> {
                  telemetry.accept(ExportTraceServiceRequest.parseFrom(body));
                  return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                }));
    server.createContext(
        "/v1/metrics",
        exchange ->
            handle(
                exchange,
                body -> {
                  telemetry.accept(ExportMetricsServiceRequest.parseFrom(body));
                  return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                }));
    server.createContext(
        "/v1/logs",
        exchange ->
            handle(
                exchange,
                body -> {
                  telemetry.accept(ExportLogsServiceRequest.parseFrom(body));
                  return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
                }));
    server.setExecutor(executor);
    server.start();
  }

  public static OtlpHttpReceiver start() {
    try {
      return new OtlpHttpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ReceivedTelemetry telemetry() {
    return telemetry;
  }

  /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Decoder {
    byte[] decode(InputStream body) throws IOException;
  }

  private static void handle(HttpExchange exchange, Decoder decoder) throws IOException {
    try (exchange) {
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      if (!contentType.startsWith("application/x-protobuf")) {
        // OTLP/JSON is valid OTLP, but the agent is expected to send binary protobuf.
        exchange.sendResponseHeaders(415, -1);
        return;
      }
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      byte[] response;
      try {
        response = decoder.decode(body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response);
        }
      }
    }
  }
}
