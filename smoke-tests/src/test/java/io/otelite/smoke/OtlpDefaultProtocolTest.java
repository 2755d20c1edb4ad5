package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.Testapp;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With only {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, the agent exports OTLP over http/protobuf (as
 * the OpenTelemetry agent does; the SDK's autoconfigure alone would pick gRPC).
 */
class OtlpDefaultProtocolTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anEndpointAloneMeansOtlpOverHttpProtobuf() {
    try (OtlpReceiver receiver = OtlpReceiver.http();
        Testapp app =
            Testapp.underAgent("orders-default-protocol")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                .start()) {
      assertThat(app.get("/orders").statusCode()).isEqualTo(200);

      receiver
          .telemetry()
          .awaitSpan("the server span", s -> s.isServerSpanForRoute("GET", "/orders"));
      assertThat(
              receiver
                  .telemetry()
                  .awaitMetric("orders-default-protocol", "http.server.request.duration"))
          .isNotNull();
      assertThat(receiver.telemetry().spans())
          .allMatch(s -> s.serviceName().equals("orders-default-protocol"));
    }
  }
}
