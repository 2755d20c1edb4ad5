package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentApp;
import io.otelite.harness.Await;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.Traceparent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code OTEL_INSTRUMENTATION_HTTP_SERVER_EXCLUDED_PATHS}: health checks and other noise make no
 * span and no metric, and neither does the work done inside them, while every other request is
 * traced as usual.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExcludedPathsTest {

  private static final String SERVICE = "orders-excluded-paths";
  private static final String METRIC = "http.server.request.duration";

  @RegisterExtension
  static final AgentApp app =
      AgentApp.testapp(SERVICE)
          .env("OTEL_INSTRUMENTATION_HTTP_SERVER_EXCLUDED_PATHS", "/health, /orders/*");

  @Test
  void excludedRequestsAreServedButMakeNoSpansAndNoMetrics() {
    Traceparent healthCaller = Traceparent.random();
    Traceparent oneOrderCaller = Traceparent.random();
    Traceparent listCaller = Traceparent.random();

    assertThat(app.get("/health", "traceparent", healthCaller.header()).statusCode())
        .isEqualTo(200);
    assertThat(app.get("/orders/1", "traceparent", oneOrderCaller.header()).statusCode())
        .isEqualTo(200);
    // Sent last: once its spans are in, the batch holding any span of the requests before it has
    // arrived too.
    assertThat(app.get("/orders", "traceparent", listCaller.header()).statusCode()).isEqualTo(200);

    app.telemetry()
        .awaitTrace(
            listCaller.traceId(),
            s -> s.isServerSpanForRoute("GET", "/orders"),
            ReceivedSpan::isDatabaseCall);
    assertThat(app.telemetry().trace(healthCaller.traceId())).as("spans of /health").isEmpty();
    assertThat(app.telemetry().trace(oneOrderCaller.traceId()))
        .as("spans of /orders/1, its SQL included, matched by the prefix /orders/*")
        .isEmpty();

    Await.until(
        "the traced request in " + METRIC,
        Duration.ofSeconds(30),
        () ->
            app.telemetry().histogramCount(SERVICE, METRIC, Map.of("http.route", "/orders")) >= 1
                ? Optional.of(true)
                : Optional.empty(),
        () -> app.telemetry().describeHistogram(SERVICE, METRIC));
    assertThat(app.telemetry().histogramCount(SERVICE, METRIC, Map.of("http.route", "/health")))
        .as(app.telemetry().describeHistogram(SERVICE, METRIC))
        .isZero();
    assertThat(app.telemetry().histogramCount(SERVICE, METRIC, Map.of("http.route", "/orders/*")))
        .as(app.telemetry().describeHistogram(SERVICE, METRIC))
        .isZero();
  }
}
