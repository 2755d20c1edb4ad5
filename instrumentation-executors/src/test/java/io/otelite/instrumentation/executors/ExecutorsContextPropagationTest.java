package io.otelite.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work handed to another thread from inside a span runs with that span current. */
class ExecutorsContextPropagationTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private SpanContext parent;

  @BeforeEach
  void clear() {
    harness.clear();
  }

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
    scheduler.shutdownNow();
  }

  /** Runs {@code submit} inside a span named "parent", and returns what the task saw as current. */
  private <T> T insideParent(Callable<T> submit) throws Exception {
    return harness.runWithSpan(
        "parent",
        () -> {
          parent = Span.current().getSpanContext();
          return submit.call();
        });
  }

  private static SpanContext currentSpan() {
    return Span.current().getSpanContext();
  }

  @Test
  void executorServiceSubmitOfACallable() throws Exception {
    Future<SpanContext> seen =
        insideParent(() -> pool.submit(ExecutorsContextPropagationTest::currentSpan));

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void executorServiceSubmitOfARunnable() throws Exception {
    CompletableFuture<SpanContext> seen = new CompletableFuture<>();
    insideParent(() -> pool.submit(() -> seen.complete(currentSpan())).get());

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void executorExecuteOfALambda() throws Exception {
    CompletableFuture<SpanContext> seen = new CompletableFuture<>();
    insideParent(
        () -> {
          pool.execute(() -> seen.complete(currentSpan()));
          return null;
        });

    assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(parent);
  }

  @Test
  void aSpanStartedInTheTaskIsAChildOfTheSubmittersSpan() throws Exception {
    insideParent(
            () ->
                pool.submit(
                    () ->
                        GlobalOpenTelemetry.getTracer("test")
                            .spanBuilder("child")
                            .startSpan()
                            .end()))
        .get();

    List<SpanData> spans = harness.waitForSpans(2);
    SpanData child =
        spans.stream().filter(span -> span.getName().equals("child")).findFirst().orElseThrow();
    assertThat(child.getParentSpanId()).isEqualTo(parent.getSpanId());
    assertThat(child.getTraceId()).isEqualTo(parent.getTraceId());
  }

  @Test
  void completableFutureSupplyAsyncOnTheDefaultExecutor() throws Exception {
    CompletableFuture<SpanContext> seen =
        insideParent(
            () -> CompletableFuture.supplyAsync(ExecutorsContextPropagationTest::currentSpan));

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void completableFutureAsyncStagesWithAnExecutor() throws Exception {
    CompletableFuture<Void> trigger = new CompletableFuture<>();
    CompletableFuture<SpanContext> seen =
        insideParent(
            () ->
                CompletableFuture.runAsync(() -> {}, pool)
                    .thenCombineAsync(trigger, (a, b) -> currentSpan(), pool)
                    .thenApplyAsync(
                        spanContext -> spanContext.equals(currentSpan()) ? spanContext : null));

    // the stages run after the span has ended, completed by a thread that has no span
    trigger.complete(null);

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void forkJoinCommonPoolSubmit() throws Exception {
    Future<SpanContext> seen =
        insideParent(
            () -> ForkJoinPool.commonPool().submit(ExecutorsContextPropagationTest::currentSpan));

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void forkJoinPoolExecuteOfALambda() throws Exception {
    ForkJoinPool forkJoinPool = new ForkJoinPool(2);
    try {
      CompletableFuture<SpanContext> seen = new CompletableFuture<>();
      insideParent(
          () -> {
            forkJoinPool.execute(() -> seen.complete(currentSpan()));
            return null;
          });

      assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(parent);
    } finally {
      forkJoinPool.shutdownNow();
    }
  }

  @Test
  void scheduledExecutorSchedule() throws Exception {
    Future<SpanContext> seen =
        insideParent(
            () ->
                scheduler.schedule(
                    ExecutorsContextPropagationTest::currentSpan, 10, TimeUnit.MILLISECONDS));

    assertThat(seen.get()).isEqualTo(parent);
  }

  @Test
  void executorCompletionService() throws Exception {
    ExecutorCompletionService<SpanContext> completion = new ExecutorCompletionService<>(pool);
    insideParent(() -> completion.submit(ExecutorsContextPropagationTest::currentSpan));

    assertThat(completion.take().get()).isEqualTo(parent);
  }

  @Test
  void withoutACurrentContextTasksAreNotWrapped() throws Exception {
    List<Runnable> executed = new CopyOnWriteArrayList<>();
    ThreadPoolExecutor recording = recordingExecutor(executed);
    try {
      Runnable task = () -> {};
      recording.execute(task);
      recording.shutdown();
      recording.awaitTermination(5, TimeUnit.SECONDS);

      assertThat(executed).containsExactly(task);
    } finally {
      recording.shutdownNow();
    }
  }

  @Test
  void anExecutorThatLooksAtItsTasksSeesTheApplicationsOwn() throws Exception {
    List<Runnable> executed = new CopyOnWriteArrayList<>();
    ThreadPoolExecutor recording = recordingExecutor(executed);
    try {
      Runnable named = new NamedTask();
      Future<?>[] submitted = new Future<?>[1];
      insideParent(
          () -> {
            recording.execute(named);
            submitted[0] = recording.submit(() -> {});
            return null;
          });
      submitted[0].get();
      recording.shutdown();
      recording.awaitTermination(5, TimeUnit.SECONDS);

      // execute: the very task; submit: the executor's own future, as afterExecute hooks expect
      assertThat(executed).hasSize(2);
      assertThat(executed.get(0)).isSameAs(named);
      assertThat(executed.get(1)).isSameAs(submitted[0]);
    } finally {
      recording.shutdownNow();
    }
  }

  @Test
  void aPlainThreadDoesNotCarryTheContext() throws Exception {
    // the control: what every executor above would do without the executors instrumentation
    CompletableFuture<Context> seen = new CompletableFuture<>();
    insideParent(
        () -> {
          Thread thread = new Thread(() -> seen.complete(Context.current()));
          thread.start();
          thread.join();
          return null;
        });

    assertThat(seen.get()).isSameAs(Context.root());
  }

  private static ThreadPoolExecutor recordingExecutor(List<Runnable> executed) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
      @Override
      protected void beforeExecute(Thread thread, Runnable task) {
        executed.add(task);
      }
    };
  }

  private static final class NamedTask implements Runnable {
    @Override
    public void run() {}
  }
}
