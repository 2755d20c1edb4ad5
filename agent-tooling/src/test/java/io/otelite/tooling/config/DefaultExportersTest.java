package io.otelite.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultExportersTest {
  private static Map<String, String> chosenFor(Map<String, String> config) {
    return DefaultExporters.choose(DefaultConfigProperties.createFromMap(config));
  }

  @Test
  void withNothingConfiguredEverySignalGoesToTheConsole() {
    assertThat(chosenFor(Map.of()))
        .containsEntry("otel.traces.exporter", "console")
        .containsEntry("otel.metrics.exporter", "console")
        .containsEntry("otel.logs.exporter", "console");
  }

  @Test
  void otlpGoesOverHttpProtobufUnlessAProtocolIsSet() {
    assertThat(chosenFor(Map.of())).containsEntry("otel.exporter.otlp.protocol", "http/protobuf");
    assertThat(chosenFor(Map.of("otel.exporter.otlp.protocol", "grpc")))
        .doesNotContainKey("otel.exporter.otlp.protocol");
  }

  @Test
  void anOtlpEndpointMakesEverySignalGoOverOtlp() {
    assertThat(chosenFor(Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")))
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.metrics.exporter", "otlp")
        .containsEntry("otel.logs.exporter", "otlp");
  }

  @Test
  void aPerSignalEndpointOnlyChangesThatSignal() {
    assertThat(chosenFor(Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces")))
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.metrics.exporter", "console");
  }

  @Test
  void anExplicitExporterAlwaysWins() {
    assertThat(
            chosenFor(
                Map.of(
                    "otel.exporter.otlp.endpoint", "http://collector:4318",
                    "otel.traces.exporter", "none")))
        .doesNotContainKey("otel.traces.exporter")
        .containsEntry("otel.metrics.exporter", "otlp");
  }
}
