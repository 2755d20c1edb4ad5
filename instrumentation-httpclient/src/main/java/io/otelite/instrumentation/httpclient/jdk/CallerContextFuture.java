package io.otelite.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code sendAsync} returns instead of the JDK's future. It completes with the same outcome,
 * after the span has ended, inside the caller's context: dependent actions ({@code thenApply},
 * {@code whenComplete}...) then run with the context the application had when it sent the request,
 * not with whatever the JDK's selector thread has. Cancelling it cancels the JDK's future, as
 * cancelling that one would.
 */
final class CallerContextFuture<T> extends CompletableFuture<T> {
  private final CompletableFuture<T> source;

  CallerContextFuture(CompletableFuture<T> source) {
    this.source = source;
  }

  @SuppressWarnings("try") // the scope is only closed
  void completeInContext(Context context, T value, Throwable failure) {
    try (Scope ignored = context.makeCurrent()) {
      if (failure != null) {
        completeExceptionally(failure);
      } else {
        complete(value);
      }
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    source.cancel(mayInterruptIfRunning);
    return cancelled;
  }
}
