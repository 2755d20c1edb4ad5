package io.otelite.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {
  @Test
  void namesTheKeyTheValueAndTheAcceptedValues() {
    String line =
        ConfigErrors.describe(
            new ConfigurationException("Unrecognized value for otel.traces.sampler: bogus"));

    assertThat(line)
        .contains("otel.traces.sampler")
        .contains("bogus")
        .contains("parentbased_traceidratio")
        .doesNotContain("\n");
  }

  @Test
  void theMostSpecificMentionedKeyWins() {
    String line =
        ConfigErrors.describe(
            new ConfigurationException(
                "Invalid value for otel.exporter.otlp.traces.protocol: foo"));

    assertThat(line)
        .contains("accepted for otel.exporter.otlp.traces.protocol: http/protobuf, grpc");
  }

  @Test
  void addsTheKeyToMessagesThatDoNotNameIt() {
    String line =
        ConfigErrors.describe(new ConfigurationException("Unsupported OTLP metrics protocol: foo"));

    assertThat(line)
        .contains("foo")
        .contains("otel.exporter.otlp.protocol")
        .contains("http/protobuf, grpc");
  }
}
