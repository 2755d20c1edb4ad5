package io.otelite.instrumentation.servlet;

import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;

/**
 * Ends the span of an async request when the container completes it; each namespace's {@code
 * AsyncListener} hands its events here. Errors and timeouts do not end it: the servlet spec has the
 * container complete the request after them (with a 500 unless a listener answered), so the span
 * gets the status the client really receives.
 */
public final class ServletAsyncCompletion {
  private final HttpServerInstrumenter<?, ?> instrumenter;
  private final HttpServerExchange exchange;

  <REQUEST, RESPONSE> ServletAsyncCompletion(
      HttpServerInstrumenter<REQUEST, RESPONSE> instrumenter, HttpServerExchange exchange) {
    this.instrumenter = instrumenter;
    this.exchange = exchange;
  }

  /** {@code response}: the response the listener was registered with, or {@code null}. */
  @SuppressWarnings("unchecked")
  public void completed(Object response) {
    ((HttpServerInstrumenter<Object, Object>) instrumenter).end(exchange, response, null);
  }

  public void failed(Throwable error) {
    exchange.recordAsyncError(error);
  }
}
