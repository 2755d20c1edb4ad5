package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.smoke.harness.Await;
import io.otelite.smoke.harness.OtlpHttpReceiver;
import io.otelite.smoke.harness.ReceivedSpan;
import io.otelite.smoke.harness.ReceivedTelemetry;
import io.otelite.smoke.harness.Testapp;
import io.otelite.smoke.harness.Traceparent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code OTEL_INSTRUMENTATION_HTTP_SERVER_EXCLUDED_PATHS}: health checks and other noise make no
 * span and no metric, and neither does the work done inside them, while every other request is
 * traced as usual.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExcludedPathsTest {

  private static final String SERVICE = "orders-excluded-paths";
  private static final String METRIC = "http.server.request.duration";

  private static OtlpHttpReceiver receiver;
  private static ReceivedTelemetry telemetry;
  private static Testapp app;

  @BeforeAll
  static void startTestappExcludingHealthAndOneOrder() {
    receiver = OtlpHttpReceiver.start();
    telemetry = receiver.telemetry();
    app =
        Testapp.underAgent(SERVICE)
            .exportingTo(receiver)
            .env("OTEL_INSTRUMENTATION_HTTP_SERVER_EXCLUDED_PATHS", "/health, /orders/*")
            .start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    receiver.close();
  }

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

    telemetry.awaitTrace(
        listCaller.traceId(),
        s -> s.isServerSpanForRoute("GET", "/orders"),
        ReceivedSpan::isDatabaseCall);
    assertThat(telemetry.trace(healthCaller.traceId())).as("spans of /health").isEmpty();
    assertThat(telemetry.trace(oneOrderCaller.traceId()))
        .as("spans of /orders/1, its SQL included, matched by the prefix /orders/*")
        .isEmpty();

    Await.until(
        "the traced request in " + METRIC,
        Duration.ofSeconds(30),
        () ->
            telemetry.histogramCount(SERVICE, METRIC, Map.of("http.route", "/orders")) >= 1
                ? Optional.of(true)
                : Optional.empty(),
        () -> telemetry.describeHistogram(SERVICE, METRIC));
    assertThat(telemetry.histogramCount(SERVICE, METRIC, Map.of("http.route", "/health")))
        .as(telemetry.describeHistogram(SERVICE, METRIC))
        .isZero();
    assertThat(telemetry.histogramCount(SERVICE, METRIC, Map.of("http.route", "/orders/*")))
        .as(telemetry.describeHistogram(SERVICE, METRIC))
        .isZero();
  }
}
