package io.otelite.instrumentation.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcludedMethodsTest {
  @Test
  void namesClassesAndTheirMethodsInTheOpenTelemetryAgentsFormat() {
    ExcludedMethods excluded =
        ExcludedMethods.parse("example.Orders[place, ship];example.Audit[log]");

    assertThat(excluded.isExcluded("example.Orders", "place")).isTrue();
    assertThat(excluded.isExcluded("example.Orders", "ship")).isTrue();
    assertThat(excluded.isExcluded("example.Audit", "log")).isTrue();
    assertThat(excluded.isExcluded("example.Orders", "log")).isFalse();
  }

  @Test
  void anEntryThatIsNotClassAndMethodsIsIgnored() {
    ExcludedMethods excluded = ExcludedMethods.parse("example.Orders;example.Audit[log]");

    assertThat(excluded.isExcluded("example.Orders", "place")).isFalse();
    assertThat(excluded.isExcluded("example.Audit", "log")).isTrue();
  }

  @Test
  void nothingConfiguredExcludesNothing() {
    assertThat(ExcludedMethods.parse("").isEmpty()).isTrue();
  }
}
