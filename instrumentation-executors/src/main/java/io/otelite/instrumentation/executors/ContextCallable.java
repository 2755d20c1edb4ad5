package io.otelite.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;

/** A task that runs with the context that was current when it was submitted. */
final class ContextCallable<V> implements Callable<V> {
  private final Context context;
  private final Callable<V> task;

  ContextCallable(Context context, Callable<V> task) {
    this.context = context;
    this.task = task;
  }

  @Override
  @SuppressWarnings("try") // the scope is only closed
  public V call() throws Exception {
    try (Scope ignored = context.makeCurrent()) {
      return task.call();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
