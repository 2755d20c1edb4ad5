package io.otelite.smoke;

import static io.otelite.harness.ReceivedSpan.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.harness.Testapp;
import io.otelite.harness.Traceparent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc}: spans and metrics reach a gRPC OTLP receiver. */
class OtlpGrpcExportTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void spansAndMetricsArriveOverGrpc() {
    try (OtlpReceiver receiver = OtlpReceiver.grpc();
        Testapp app = Testapp.underAgent("orders-grpc").exportingTo(receiver).start()) {
      ReceivedTelemetry telemetry = receiver.telemetry();
      Traceparent caller = Traceparent.random();

      assertThat(app.get("/orders", "traceparent", caller.header()).statusCode()).isEqualTo(200);

      List<ReceivedSpan> trace =
          telemetry.awaitTrace(
              caller.traceId(),
              s -> s.isServerSpanForRoute("GET", "/orders"),
              ReceivedSpan::isDatabaseCall);
      ReceivedSpan server = only(trace, ReceivedSpan::isServer);
      assertThat(server.serviceName()).isEqualTo("orders-grpc");
      assertThat(server.resource()).containsEntry("telemetry.distro.name", "otelite");
      assertThat(only(trace, ReceivedSpan::isDatabaseCall).isChildOf(server)).isTrue();

      assertThat(
              telemetry
                  .awaitMetric("orders-grpc", "http.server.request.duration")
                  .metric()
                  .getUnit())
          .isEqualTo("s");
    }
  }
}
