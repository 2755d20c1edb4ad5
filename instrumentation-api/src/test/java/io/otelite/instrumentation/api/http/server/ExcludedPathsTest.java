package io.otelite.instrumentation.api.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.instrumentation.api.testing.TestTelemetry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * otel.instrumentation.http.server.excluded-paths: requests to these paths make no span and no
 * metric.
 */
class ExcludedPathsTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      TestTelemetry.sdk(Sampler.parentBased(Sampler.alwaysOn()), spans, metrics);
  private final HttpServerInstrumenter<Map<String, String>, Integer> instrumenter =
      new HttpServerInstrumenter<>(
          sdk,
          "test",
          null,
          new PathOnlyGetter(),
          HttpServerSettings.of(List.of(), List.of(), List.of())
              .withExcludedPaths(List.of("/health", " /metrics ", "/internal/*")));

  @AfterEach
  void closeSdk() {
    sdk.close();
  }

  @Test
  void exactPathsAndPrefixesMakeNoSpanAndNoMetric() {
    serve("/health");
    serve("/metrics");
    serve("/internal/status");
    serve("/internal/");

    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(metrics.collectAllMetrics()).isEmpty();
  }

  @Test
  void otherPathsAreTracedAsUsual() {
    serve("/health/deep"); // exact means exact
    serve("/healthz");
    serve("/internal"); // the prefix is "/internal/"
    serve("/orders");

    assertThat(spans.getFinishedSpanItems())
        .extracting(
            span -> span.getAttributes().get(io.opentelemetry.semconv.UrlAttributes.URL_PATH))
        .containsExactly("/health/deep", "/healthz", "/internal", "/orders");
  }

  @Test
  void workDoneForAnExcludedRequestIsNotSampledAndStaysInTheCallersTrace() {
    String callerTraceId = "0af7651916cd43dd8448eb211c80319c";
    Map<String, String> request =
        Map.of(":path", "/health", "traceparent", "00-" + callerTraceId + "-b7ad6b7169203331-01");

    HttpServerExchange exchange =
        instrumenter.start(Context.root(), request, null, HttpRouteSource.SERVLET);
    Span child =
        sdk.getTracer("test").spanBuilder("SELECT 1").setParent(exchange.context()).startSpan();
    child.end();
    instrumenter.end(exchange, 200, null);

    assertThat(exchange.isExcluded()).isTrue();
    SpanContext excluded = exchange.span().getSpanContext();
    assertThat(excluded.isValid()).isTrue();
    assertThat(excluded.isSampled()).isFalse();
    assertThat(excluded.getTraceId()).isEqualTo(callerTraceId);
    assertThat(child.isRecording()).isFalse();
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void withoutConfigurationNothingIsExcluded() {
    assertThat(ExcludedPaths.of(null).matches("/health")).isFalse();
    assertThat(ExcludedPaths.of(List.of("", " ")).isEmpty()).isTrue();
  }

  private void serve(String path) {
    instrumenter.end(
        instrumenter.start(Context.root(), Map.of(":path", path), null, HttpRouteSource.SERVLET),
        200,
        null);
  }

  /** Requests as header maps, with the path under ":path". */
  private static final class PathOnlyGetter
      implements HttpServerAttributesGetter<Map<String, String>, Integer> {
    @Override
    public String method(Map<String, String> request) {
      return "GET";
    }

    @Override
    public String scheme(Map<String, String> request) {
      return "http";
    }

    @Override
    public String path(Map<String, String> request) {
      return request.get(":path");
    }

    @Override
    public String query(Map<String, String> request) {
      return null;
    }

    @Override
    public String protocol(Map<String, String> request) {
      return "HTTP/1.1";
    }

    @Override
    public String serverAddress(Map<String, String> request) {
      return "localhost";
    }

    @Override
    public int serverPort(Map<String, String> request) {
      return 8080;
    }

    @Override
    public String peerAddress(Map<String, String> request) {
      return null;
    }

    @Override
    public int peerPort(Map<String, String> request) {
      return 0;
    }

    @Override
    public String requestHeader(Map<String, String> request, String name) {
      return request.get(name);
    }

    @Override
    public List<String> requestHeaderValues(Map<String, String> request, String name) {
      String value = request.get(name);
      return value == null ? List.of() : List.of(value);
    }

    @Override
    public Iterable<String> requestHeaderNames(Map<String, String> request) {
      return request.keySet();
    }

    @Override
    public int statusCode(Integer response, Throwable error) {
      return response;
    }

    @Override
    public List<String> responseHeaderValues(Integer response, String name) {
      return List.of();
    }
  }
}
