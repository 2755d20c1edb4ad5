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
    if (Context.current() == Context.root()
        || task == null
        || !task.getClass().getName().contains("$$Lambda")) {
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
