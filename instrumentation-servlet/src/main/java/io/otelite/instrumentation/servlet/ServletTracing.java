package io.otelite.instrumentation.servlet;

import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.server.HttpRouteSource;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;

/**
 * What the advice on {@code Servlet.service} and {@code Filter.doFilter} does, for either servlet
 * namespace: the outermost call of a request starts its SERVER span (or resumes it, on a later
 * dispatch), keeps it current during the call, and ends it when the request is complete, or hands
 * it to an async listener when the request went async.
 *
 * <p>Nested calls of the same request (filter chain, forward, include) only count depth, except
 * that the first servlet reached under a filter names the route.
 */
public final class ServletTracing<REQUEST, RESPONSE> {
  /** Returned for nested calls: exit must still count the depth down, and do nothing else. */
  private static final Object NESTED = new Object();

  private final ServletAccessor<REQUEST, RESPONSE> accessor;
  private final HttpServerInstrumenter<REQUEST, RESPONSE> instrumenter;
  private final ServletRouteCache routes = new ServletRouteCache();

  public ServletTracing(ServletAccessor<REQUEST, RESPONSE> accessor) {
    this.accessor = accessor;
    this.instrumenter =
        HttpServerInstrumenter.create(
            ServletInstrumentationScope.NAME, ServletInstrumentationScope.VERSION, accessor);
  }

  /** Returns the state for {@link #exit}: {@code null} (not HTTP), a nested marker, or a scope. */
  public Object enter(Object servletOrFilter, Object servletRequest, Object servletResponse) {
    REQUEST request = accessor.httpRequest(servletRequest);
    if (request == null || accessor.httpResponse(servletResponse) == null) {
      return null;
    }
    boolean servlet = accessor.isServlet(servletOrFilter);
    CallDepth depth = ServletCallDepth.get();
    boolean nested = depth.incrementAndGet() > 1;
    try {
      return enterCounted(request, servlet, nested);
    } catch (Throwable e) {
      // a request or container that throws under the agent's calls: exit gets no state and cannot
      // count down, and a counter left up would make every later request on this pooled thread
      // look nested
      depth.decrementAndGet();
      throw e;
    }
  }

  private Object enterCounted(REQUEST request, boolean servlet, boolean nested) {
    if (nested) {
      if (servlet) {
        nameRouteAfterFirstServlet(request);
      }
      return NESTED;
    }
    Object attached = accessor.requestAttribute(request, ServletExchangeAttribute.NAME);
    if (attached instanceof HttpServerExchange) {
      HttpServerExchange exchange = (HttpServerExchange) attached;
      if (!exchange.isEnded() || !accessor.isRequestDispatch(request)) {
        // a later dispatch of the same request (async, error page): the same span, current again
        // so that what the dispatch logs and calls belongs to the request's trace; a recycled
        // request object that the container dispatches afresh starts a new span below
        return new ServletRequestScope<>(instrumenter, exchange, false);
      }
    }
    HttpServerExchange exchange =
        instrumenter.start(
            Context.current(),
            request,
            route(request),
            servlet ? HttpRouteSource.SERVLET : HttpRouteSource.FILTER);
    return new ServletRequestScope<>(instrumenter, exchange, true);
  }

  @SuppressWarnings("unchecked")
  public void exit(Object state, Object servletRequest, Object servletResponse, Throwable error) {
    if (state == null) {
      return;
    }
    ServletCallDepth.get().decrementAndGet();
    if (state instanceof ServletRequestScope) {
      exit(
          (ServletRequestScope<REQUEST, RESPONSE>) state,
          accessor.httpRequest(servletRequest),
          accessor.httpResponse(servletResponse),
          error);
    }
  }

  private void exit(
      ServletRequestScope<REQUEST, RESPONSE> scope,
      REQUEST request,
      RESPONSE response,
      Throwable error) {
    HttpServerExchange exchange = scope.exchange();
    if (!scope.startedHere()) {
      // a later dispatch returned: whoever started the span ends it. Jetty does not report an
      // exception thrown in an async dispatch to the listener, so keep it.
      scope.close();
      exchange.recordAsyncError(error);
      return;
    }
    if (error == null && accessor.isAsyncStarted(request)) {
      scope.close();
      attach(request, exchange);
      if (exchange.markAsync()
          && !accessor.addAsyncListener(
              request, response, new ServletAsyncCompletion(instrumenter, exchange))) {
        instrumenter.end(exchange, response, null); // completed already: the response is done
      }
      return;
    }
    if (error != null || accessor.statusCode(response, null) >= 400) {
      attach(request, exchange); // the container may dispatch it to an error page next
    }
    scope.finish(response, error);
  }

  /**
   * Marks the request as traced for a later dispatch of it (async, error page) to resume its span.
   * Only then: a request attribute costs containers an allocation and, where the application has
   * attribute listeners, an event and a call to each of them.
   */
  private void attach(REQUEST request, HttpServerExchange exchange) {
    accessor.setAttribute(request, ServletExchangeAttribute.NAME, exchange);
  }

  private void nameRouteAfterFirstServlet(REQUEST request) {
    HttpServerExchange exchange = HttpServerExchange.fromContext(Context.current());
    if (exchange != null && exchange.acceptsRouteFrom(HttpRouteSource.SERVLET)) {
      exchange.updateRoute(HttpRouteSource.SERVLET, route(request));
    }
  }

  /**
   * Servlet 4+ tells which mapping matched; inside a forward, the forward target's. Servlet 3.x
   * does not, and then the span has no route and is named {@code {method}}.
   */
  private String route(REQUEST request) {
    String pattern = accessor.mappingPattern(request);
    if (pattern == null) {
      return null;
    }
    return routes.route(accessor.applicationPath(request), pattern, accessor.servletPath(request));
  }
}
