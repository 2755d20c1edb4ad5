package io.otelite.instrumentation.servlet.javax;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;
import io.otelite.instrumentation.servlet.ServletCallDepth;
import io.otelite.instrumentation.servlet.ServletExchangeAttribute;
import io.otelite.instrumentation.servlet.ServletRoute;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One outermost servlet or filter call: starts the request's span (or resumes it, on an async
 * dispatch), keeps it current during the call and ends it when the call returns, or hands it to an
 * {@link JavaxAsyncCompletionListener} when the request went async.
 *
 * <p>Nested calls of the same request (filter chain, forward, include) only count depth, except
 * that the first servlet reached under a filter names the route.
 */
public final class JavaxServletRequestScope {
  /** Returned for nested calls: exit must still count the depth down, and do nothing else. */
  private static final Object NESTED = new Object();

  private static final HttpServerInstrumenter<HttpServletRequest, HttpServletResponse>
      INSTRUMENTER = JavaxServletSingletons.instrumenter();

  private final HttpServerExchange exchange;
  private final Scope scope;
  private final boolean startedHere;

  private JavaxServletRequestScope(HttpServerExchange exchange, boolean startedHere) {
    this.exchange = exchange;
    this.scope = exchange.context().makeCurrent();
    this.startedHere = startedHere;
  }

  /** Returns the state for {@link #exit}: {@code null} (not HTTP), a nested marker, or a scope. */
  public static Object enter(
      ServletRequest servletRequest, ServletResponse servletResponse, boolean servlet) {
    if (!(servletRequest instanceof HttpServletRequest)
        || !(servletResponse instanceof HttpServletResponse)) {
      return null;
    }
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    CallDepth depth = ServletCallDepth.get();
    boolean nested = depth.incrementAndGet() > 1;
    try {
      return enterCounted(request, servlet, nested);
    } catch (Throwable e) {
      // a request or container that throws under the agent's calls: exit gets no state and can not
      // count
      // down, and a counter left up would make every later request on this pooled thread look
      // nested
      depth.decrementAndGet();
      throw e;
    }
  }

  private static Object enterCounted(HttpServletRequest request, boolean servlet, boolean nested) {
    if (nested) {
      if (servlet) {
        nameRouteAfterFirstServlet(request);
      }
      return NESTED;
    }
    Object attached = request.getAttribute(ServletExchangeAttribute.NAME);
    if (attached instanceof HttpServerExchange) {
      HttpServerExchange exchange = (HttpServerExchange) attached;
      if (!exchange.isEnded()) {
        return new JavaxServletRequestScope(
            exchange, false); // async dispatch: same request, same span
      }
      if (request.getDispatcherType() != DispatcherType.REQUEST) {
        return NESTED; // e.g. the error page after the span ended; a recycled request object starts
        // afresh
      }
    }
    HttpServerExchange exchange =
        INSTRUMENTER.start(Context.current(), request, route(request), servlet);
    request.setAttribute(ServletExchangeAttribute.NAME, exchange);
    return new JavaxServletRequestScope(exchange, true);
  }

  public static void exit(
      Object state, ServletRequest request, ServletResponse response, Throwable error) {
    if (state == null) {
      return;
    }
    ServletCallDepth.get().decrementAndGet();
    if (state instanceof JavaxServletRequestScope) {
      ((JavaxServletRequestScope) state)
          .exit((HttpServletRequest) request, (HttpServletResponse) response, error);
    }
  }

  private void exit(HttpServletRequest request, HttpServletResponse response, Throwable error) {
    scope.close();
    if (!startedHere) {
      // an async dispatch returned: the listener ends the span when the request completes. Jetty
      // does not
      // report an exception thrown here to the listener, so keep it.
      exchange.recordAsyncError(error);
      return;
    }
    if (error == null && request.isAsyncStarted()) {
      if (exchange.markAsync() && !endWhenAsyncCompletes(request, response)) {
        INSTRUMENTER.end(exchange, response, null);
      }
      return;
    }
    INSTRUMENTER.end(exchange, response, error);
  }

  private boolean endWhenAsyncCompletes(HttpServletRequest request, HttpServletResponse response) {
    try {
      AsyncContext async = request.getAsyncContext();
      async.addListener(
          new JavaxAsyncCompletionListener(INSTRUMENTER, exchange), request, response);
      return true;
    } catch (IllegalStateException alreadyCompleted) {
      return false; // completed between isAsyncStarted() and here: the response is done
    }
  }

  private static void nameRouteAfterFirstServlet(HttpServletRequest request) {
    HttpServerExchange exchange = HttpServerExchange.fromContext(Context.current());
    if (exchange != null && !exchange.isRouteFinal()) {
      exchange.updateRoute(route(request), true);
    }
  }

  /**
   * Servlet 4 (Tomcat 9, Jetty 10) tells which mapping matched; inside a forward, the forward
   * target's. Servlet 3.x does not, and then the span has no route and is named {@code {method}}.
   */
  static String route(HttpServletRequest request) {
    String pattern = JavaxServletMappingPattern.of(request);
    if (pattern == null) {
      return null;
    }
    return ServletRoute.of(request.getContextPath(), pattern, request.getServletPath());
  }
}
