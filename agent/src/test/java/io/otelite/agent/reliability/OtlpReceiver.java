package io.otelite.agent.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * An OTLP/HTTP receiver that decodes the spans it gets (binary protobuf, gzip or not), over plain
 * HTTP or HTTPS; metrics and logs are accepted and ignored.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One received span, with the attributes as strings. */
  record ReceivedSpan(
      String name,
      Span.SpanKind kind,
      String traceId,
      String spanId,
      String parentSpanId,
      Map<String, String> attributes) {
    boolean isRoot() {
      return parentSpanId.isEmpty();
    }

    String attribute(String key) {
      return attributes.get(key);
    }

    @Override
    public String toString() {
      return kind.name().replace("SPAN_KIND_", "")
          + " '"
          + name
          + "' trace="
          + traceId
          + " span="
          + spanId
          + " parent="
          + (isRoot() ? "-" : parentSpanId)
          + " "
          + attributes;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final AtomicInteger tracePosts = new AtomicInteger();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static OtlpReceiver http() throws IOException {
    return new OtlpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
  }

  /**
   * HTTPS with {@code tls}'s key and trust; {@code needClientAuth}: the client must show a trusted
   * certificate.
   */
  static OtlpReceiver https(SSLContext tls, boolean needClientAuth) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters parameters) {
            // on the SSLParameters: once those are set, HttpsParameters' own setNeedClientAuth is
            // ignored
            javax.net.ssl.SSLParameters ssl = tls.getDefaultSSLParameters();
            ssl.setNeedClientAuth(needClientAuth);
            parameters.setSSLParameters(ssl);
          }
        });
    return new OtlpReceiver(server);
  }

  String endpoint() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  int tracePosts() {
    return tracePosts.get();
  }

  /** Waits until a received span matches, at most {@code seconds}. */
  ReceivedSpan awaitSpan(Predicate<ReceivedSpan> which, long seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (System.currentTimeMillis() < deadline) {
      for (ReceivedSpan span : spans) {
        if (which.test(span)) {
          return span;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no such span in " + seconds + " s among " + spans.size() + " received");
  }

  /** Waits until at least {@code count} received spans match, at most {@code seconds}. */
  void awaitCount(Predicate<ReceivedSpan> which, long count, long seconds)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    long seen = 0;
    while (System.currentTimeMillis() < deadline) {
      seen = spans.stream().filter(which).count();
      if (seen >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "only " + seen + " of " + count + " expected spans in " + seconds + " s");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      byte[] bytes = body.readAllBytes();
      if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
        tracePosts.incrementAndGet();
        accept(ExportTraceServiceRequest.parseFrom(bytes));
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void accept(ExportTraceServiceRequest request) {
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          Map<String, String> attributes = new LinkedHashMap<>();
          for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
          }
          spans.add(
              new ReceivedSpan(
                  span.getName(),
                  span.getKind(),
                  hex.formatHex(span.getTraceId().toByteArray()),
                  hex.formatHex(span.getSpanId().toByteArray()),
                  hex.formatHex(span.getParentSpanId().toByteArray()),
                  attributes));
        }
      }
    }
  }

  private static String text(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case INT_VALUE:
        return String.valueOf(value.getIntValue());
      case BOOL_VALUE:
        return String.valueOf(value.getBoolValue());
      case DOUBLE_VALUE:
        return String.valueOf(value.getDoubleValue());
      default:
        return value.toString();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
