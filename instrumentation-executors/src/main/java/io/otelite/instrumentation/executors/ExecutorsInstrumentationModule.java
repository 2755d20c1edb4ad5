package io.otelite.instrumentation.executors;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Carries the current context into work handed to another thread: tasks submitted to a {@code
 * ThreadPoolExecutor} (any {@code AbstractExecutorService}), a {@code ScheduledThreadPoolExecutor},
 * a {@code ForkJoinPool} or an {@code ExecutorCompletionService}, the functions given to {@code
 * CompletableFuture.*Async}, and the tasks of new virtual threads (Java 21+: {@code
 * Thread.ofVirtual()}, {@code Thread.startVirtualThread}, virtual-thread factories and so {@code
 * Executors.newVirtualThreadPerTaskExecutor()}). The task runs with the context that was current
 * when it was submitted (for a virtual thread: when the thread was made).
 *
 * <p>Tasks are wrapped only when a context other than the root one is current, so an application
 * without spans pays nothing. Not covered: platform threads made with {@code new Thread(...)},
 * {@code ForkJoinTask}s (a {@code RecursiveTask} forked inside a span), and {@code Runnable}s given
 * to {@code execute} that are not lambdas (wrapping an arbitrary class could break an executor that
 * inspects its tasks, e.g. a priority queue). Switch: {@code
 * otel.instrumentation.executors.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class ExecutorsInstrumentationModule extends InstrumentationModule {
  public ExecutorsInstrumentationModule() {
    super("executors");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new ExecutorServiceInstrumentation(),
        new ForkJoinPoolInstrumentation(),
        new CompletableFutureInstrumentation(),
        new VirtualThreadInstrumentation());
  }
}
