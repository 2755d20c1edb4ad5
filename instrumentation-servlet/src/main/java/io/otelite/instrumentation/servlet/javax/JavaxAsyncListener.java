package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.servlet.ServletAsyncCompletion;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/** Tells an async request's {@link ServletAsyncCompletion} what the container did with it. */
final class JavaxAsyncListener implements AsyncListener {
  private final ServletAsyncCompletion completion;

  JavaxAsyncListener(ServletAsyncCompletion completion) {
    this.completion = completion;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletResponse response = event.getSuppliedResponse();
    completion.completed(response instanceof HttpServletResponse ? response : null);
  }

  @Override
  public void onError(AsyncEvent event) {
    completion.failed(event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // the container completes the request next; onComplete ends the span with the final status
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // a new async cycle drops the listeners of the last one: stay registered until the request
    // completes
    event
        .getAsyncContext()
        .addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
  }
}
