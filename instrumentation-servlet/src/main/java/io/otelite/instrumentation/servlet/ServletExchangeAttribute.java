package io.otelite.instrumentation.servlet;

/**
 * The request attribute under which a request carries its {@link
 * io.otelite.instrumentation.api.http.server.HttpServerExchange}, set when its first dispatch
 * returns and another may follow (it went async, failed, or answered an error status): later
 * dispatches of the same request (async dispatch on another thread, error pages) then resume its
 * span instead of starting a second one.
 */
public final class ServletExchangeAttribute {
  public static final String NAME = "io.otelite.servlet.exchange";

  private ServletExchangeAttribute() {}
}
