package io.otelite.instrumentation.executors;

import io.opentelemetry.context.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps tasks so that they run with the context current at submission. Returns the task itself when
 * the current context is the root one (nothing to carry: no allocation), when it is already
 * wrapped, and for {@code ForkJoinTask}s, which pools treat specially and which cannot be wrapped
 * without changing type.
 */
final class ContextPropagation {
  /**
   * The continuation of a virtual thread, which its scheduler (a {@code ForkJoinPool}) is handed by
   * whichever thread starts or unparks it, is a lambda of {@code VirtualThread}: the virtual thread
   * has its own context, and the carrier thread that runs the continuation must not take on the
   * context of the thread that unparked it.
   */
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  /**
   * A pool that makes its worker threads with a virtual-thread factory hands the new thread its
   * worker, which then runs the tasks of every later submitter (each wrapped on its own): the
   * worker must not keep the context of the submitter that made the pool grow.
   */
  private static final String POOL_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";

  private ContextPropagation() {}

  static Runnable wrap(Runnable task) {
    Context context = Context.current();
    if (context == Context.root()
        || task == null
        || task instanceof ContextRunnable
        || task instanceof ForkJoinTask) {
      return task;
    }
    return new ContextRunnable(context, task);
  }

  /**
   * For {@code execute(Runnable)}, where the executor itself handles the task (its queue, its
   * {@code beforeExecute}/{@code afterExecute} hooks may look at it): only lambdas are wrapped,
   * whose class nobody can depend on.
   */
  static Runnable wrapLambda(Runnable task) {
    // the root check first: it is the common case, and cheaper than looking at the class name
    if (Context.current() == Context.root() || task == null) {
      return task;
    }
    String type = task.getClass().getName();
    if (!type.contains("$$Lambda") || type.startsWith(VIRTUAL_THREAD)) {
      return task;
    }
    return wrap(task);
  }

  /** The task of a new virtual thread: it runs with the context of the thread that made it. */
  static Runnable wrapNewThreadTask(Runnable task) {
    if (Context.current() == Context.root()
        || task == null
        || task.getClass().getName().equals(POOL_WORKER)) {
      return task;
    }
    return wrap(task);
  }

  static <V> Callable<V> wrap(Callable<V> task) {
    Context context = Context.current();
    if (context == Context.root() || task == null || task instanceof ContextCallable) {
      return task;
    }
    return new ContextCallable<>(context, task);
  }

  static <T> Supplier<T> wrapSupplier(Supplier<T> function) {
    Context context = Context.current();
    return context == Context.root() || function == null
        ? function
        : context.wrapSupplier(function);
  }

  static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
    Context context = Context.current();
    return context == Context.root() || function == null
        ? function
        : context.wrapFunction(function);
  }

  static <T> Consumer<T> wrapConsumer(Consumer<T> function) {
    Context context = Context.current();
    return context == Context.root() || function == null
        ? function
        : context.wrapConsumer(function);
  }

  static <T, U, R> BiFunction<T, U, R> wrapBiFunction(BiFunction<T, U, R> function) {
    Context context = Context.current();
    return context == Context.root() || function == null
        ? function
        : context.wrapFunction(function);
  }

  static <T, U> BiConsumer<T, U> wrapBiConsumer(BiConsumer<T, U> function) {
    Context context = Context.current();
    return context == Context.root() || function == null
        ? function
        : context.wrapConsumer(function);
  }
}
