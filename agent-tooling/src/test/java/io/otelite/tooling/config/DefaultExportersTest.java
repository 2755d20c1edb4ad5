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
  void withNothingConfiguredTracesAndMetricsGoToTheConsoleAndLogsNowhere() {
    // the application prints its own log lines already; printing them again would double its output
    assertThat(chosenFor(Map.of()))
        .containsEntry("otel.traces.exporter", "console")
        .containsEntry("otel.metrics.exporter", "console")
        .containsEntry("otel.logs.exporter", "none");
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
    assertThat(
            chosenFor(
                Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces")))
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.metrics.exporter", "console")
        .containsEntry("otel.logs.exporter", "none");
  }

  @Test
  void aLogsEndpointMakesLogsGoOverOtlp() {
    assertThat(
            chosenFor(Map.of("otel.exporter.otlp.logs.endpoint", "http://collector:4318/v1/logs")))
        .containsEntry("otel.logs.exporter", "otlp")
        .containsEntry("otel.traces.exporter", "console");
  }

  @Test
  void anExplicitLogsExporterWinsOverTheDefault() {
    assertThat(chosenFor(Map.of("otel.logs.exporter", "console")))
        .doesNotContainKey("otel.logs.exporter");
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
