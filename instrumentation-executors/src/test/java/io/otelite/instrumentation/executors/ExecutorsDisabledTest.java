package io.otelite.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Run in its own JVM with {@code otel.instrumentation.executors.enabled=false} (see the pom): the
 * same submissions as {@link ExecutorsContextPropagationTest} lose the span, so that test's results
 * are the instrumentation's doing.
 */
class ExecutorsDisabledTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private static SpanContext currentSpan() {
    return Span.current().getSpanContext();
  }

  @Test
  void withoutTheExecutorsInstrumentationTasksRunWithoutTheSubmittersSpan() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      List<Future<SpanContext>> seen =
          harness.runWithSpan(
              "parent",
              () ->
                  List.of(
                      pool.submit(ExecutorsDisabledTest::currentSpan),
                      CompletableFuture.supplyAsync(ExecutorsDisabledTest::currentSpan),
                      ForkJoinPool.commonPool().submit(ExecutorsDisabledTest::currentSpan)));

      for (Future<SpanContext> future : seen) {
        assertThat(future.get().isValid()).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
