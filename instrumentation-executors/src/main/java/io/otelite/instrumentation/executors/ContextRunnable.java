package io.otelite.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** A task that runs with the context that was current when it was submitted. */
final class ContextRunnable implements Runnable {
  private final Context context;
  private final Runnable task;

  ContextRunnable(Context context, Runnable task) {
    this.context = context;
    this.task = task;
  }

  @Override
  @SuppressWarnings("try") // the scope is only closed
  public void run() {
    try (Scope ignored = context.makeCurrent()) {
      task.run();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
