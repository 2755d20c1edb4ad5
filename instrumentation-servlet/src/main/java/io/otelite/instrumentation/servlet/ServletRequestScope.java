package io.otelite.instrumentation.servlet;

import io.opentelemetry.context.Scope;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;

/**
 * One outermost servlet or filter call of a request, with the request's span current: the call that
 * started the span, or a later dispatch of the same request (async, error page) that resumed it.
 */
final class ServletRequestScope<REQUEST, RESPONSE> implements Runnable {
  private final HttpServerInstrumenter<REQUEST, RESPONSE> instrumenter;
  private final HttpServerExchange exchange;
  private final Scope scope;
  private final boolean startedHere;
  private RESPONSE response;
  private Throwable error;

  ServletRequestScope(
      HttpServerInstrumenter<REQUEST, RESPONSE> instrumenter,
      HttpServerExchange exchange,
      boolean startedHere) {
    this.instrumenter = instrumenter;
    this.exchange = exchange;
    this.scope = exchange.context().makeCurrent();
    this.startedHere = startedHere;
  }

  HttpServerExchange exchange() {
    return exchange;
  }

  boolean startedHere() {
    return startedHere;
  }

  void close() {
    scope.close();
  }

  /**
   * Ends the request with this response and what escaped the application; inside a container frame,
   * only once the frame exits, with the span current until then.
   */
  void finish(RESPONSE response, Throwable error) {
    this.response = response;
    this.error = error;
    if (!ServletContainerFrame.finishOnExit(this)) {
      run();
    }
  }

  /** The finish itself, now or when the container frame exits. */
  @Override
  public void run() {
    scope.close();
    instrumenter.end(exchange, response, error);
  }
}
