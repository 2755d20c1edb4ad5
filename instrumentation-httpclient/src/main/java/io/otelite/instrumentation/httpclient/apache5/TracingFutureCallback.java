package io.otelite.instrumentation.httpclient.apache5;

import io.opentelemetry.context.Scope;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * The application's callback (possibly none): ends the span first, then calls the application's
 * code with the context it had when it called {@code execute}, not the I/O thread's.
 */
@SuppressWarnings("try") // the scopes are only closed
final class TracingFutureCallback<T> implements FutureCallback<T> {
  private final FutureCallback<T> delegate;
  private final AsyncCall call;

  TracingFutureCallback(FutureCallback<T> delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public void completed(T result) {
    call.onCompleted(result);
    if (delegate != null) {
      try (Scope ignored = call.parentContext().makeCurrent()) {
        delegate.completed(result);
      }
    }
  }

  @Override
  public void failed(Exception cause) {
    call.end(null, cause);
    if (delegate != null) {
      try (Scope ignored = call.parentContext().makeCurrent()) {
        delegate.failed(cause);
      }
    }
  }

  @Override
  public void cancelled() {
    call.end(null, null);
    if (delegate != null) {
      try (Scope ignored = call.parentContext().makeCurrent()) {
        delegate.cancelled();
      }
    }
  }
}
