package io.otelite.instrumentation.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import example.annotated.Orders;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM (see the pom) with {@code
 * otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods=example.annotated.Orders[charge]}.
 */
class ExcludedMethodsConfiguredTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  @Test
  void anExcludedMethodMakesNoSpanWhileTheOthersDo() {
    Orders orders = new Orders();

    orders.charge();
    orders.place();

    assertThat(harness.waitForSpans(1))
        .extracting(SpanData::getName)
        .containsExactly("Orders.place");
  }
}
