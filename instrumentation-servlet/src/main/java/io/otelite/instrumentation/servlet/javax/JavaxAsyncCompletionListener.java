package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Ends the span of an async request when the container completes it. Errors and timeouts do not end
 * it: the servlet spec has the container complete the request after them (with a 500 unless a
 * listener answered), so the span gets the status the client really receives.
 */
final class JavaxAsyncCompletionListener implements AsyncListener {
  private final HttpServerInstrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final HttpServerExchange exchange;

  JavaxAsyncCompletionListener(
      HttpServerInstrumenter<HttpServletRequest, HttpServletResponse> instrumenter,
      HttpServerExchange exchange) {
    this.instrumenter = instrumenter;
    this.exchange = exchange;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletResponse response = event.getSuppliedResponse();
    instrumenter.end(
        exchange,
        response instanceof HttpServletResponse ? (HttpServletResponse) response : null,
        null);
  }

  @Override
  public void onError(AsyncEvent event) {
    exchange.recordAsyncError(event.getThrowable());
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
