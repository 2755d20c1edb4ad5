package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.semconv.HttpAttributes;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request in flight on the server: its SERVER span, the context to make current while the
 * application handles it, and what the metrics need when it ends. Created by {@link
 * HttpServerInstrumenter#start}, ended exactly once by {@link HttpServerInstrumenter#end}, from
 * whichever thread finishes the response.
 *
 * <p>The exchange is part of its own context, so code nested inside the request (a servlet under a
 * filter) finds it with {@link #fromContext} without touching the request object.
 */
public final class HttpServerExchange {
  private static final ContextKey<HttpServerExchange> KEY =
      ContextKey.named("otelite-http-server-exchange");
  private static final AtomicIntegerFieldUpdater<HttpServerExchange> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(HttpServerExchange.class, "ended");
  private static final AtomicIntegerFieldUpdater<HttpServerExchange> ASYNC =
      AtomicIntegerFieldUpdater.newUpdater(HttpServerExchange.class, "async");

  private final Span span;
  private final Context context;
  private final long startNanos;
  private final String method;
  private final String scheme;
  private final String protocolVersion;
  private final Attributes activeRequestAttributes;
  private final boolean excluded;

  private volatile String route;
  private volatile HttpRouteSource routeSource;

  /**
   * The library's request while the exchange is in flight, for frameworks that read what the server
   * library keeps with it; dropped when the exchange ends, since containers recycle request
   * objects.
   */
  private volatile Object request;

  private final HttpServerAttributesGetter<Object, ?> getter;
  private volatile Throwable asyncError;
  private volatile int ended;
  private volatile int async;

  @SuppressWarnings("unchecked")
  <REQUEST> HttpServerExchange(
      Context parent,
      Span span,
      long startNanos,
      String method,
      String scheme,
      String protocolVersion,
      Attributes activeRequestAttributes,
      String route,
      HttpRouteSource routeSource,
      REQUEST request,
      HttpServerAttributesGetter<REQUEST, ?> getter,
      boolean excluded) {
    this.excluded = excluded;
    this.span = span;
    this.context = parent.with(span).with(KEY, this);
    this.startNanos = startNanos;
    this.method = method;
    this.scheme = scheme;
    this.protocolVersion = protocolVersion;
    this.activeRequestAttributes = activeRequestAttributes;
    this.route = route;
    this.routeSource = route == null ? null : routeSource;
    this.request = request;
    this.getter = (HttpServerAttributesGetter<Object, ?>) getter;
  }

  /**
   * A request on an excluded path: no span, no metric. Its context carries a span that is valid but
   * not sampled (in the caller's trace, if any), so that with the default parent-based sampler what
   * the request does (queries, outgoing calls) is not traced either, and downstream services see
   * "not sampled".
   */
  static HttpServerExchange excluded(Context parent) {
    SpanContext caller = Span.fromContext(parent).getSpanContext();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId =
        caller.isValid()
            ? caller.getTraceId()
            : TraceId.fromLongs(random.nextLong(), random.nextLong() | 1);
    String spanId = SpanId.fromLong(random.nextLong() | 1);
    TraceState traceState = caller.isValid() ? caller.getTraceState() : TraceState.getDefault();
    Span notSampled =
        Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getDefault(), traceState));
    return new HttpServerExchange(
        parent, notSampled, 0, null, null, null, Attributes.empty(), null, null, null, null, true);
  }

  /** The exchange whose context {@code context} is (or descends from), or {@code null}. */
  public static HttpServerExchange fromContext(Context context) {
    return context.get(KEY);
  }

  /** The span's context: make it current while the application handles the request. */
  public Context context() {
    return context;
  }

  public Span span() {
    return span;
  }

  public String route() {
    return route;
  }

  /**
   * Whether {@link #updateRoute} would take a route from {@code source}: ask before building it.
   */
  public boolean acceptsRouteFrom(HttpRouteSource source) {
    return !excluded && source.replaces(routeSource);
  }

  /**
   * Sets {@code http.route} and renames the span {@code {method} {route}}, unless the route came
   * from a source that knows as much or more (see {@link HttpRouteSource}). {@code route} is a
   * pattern, never a request path, and includes the application's path (the servlet context path).
   */
  public void updateRoute(HttpRouteSource source, String newRoute) {
    if (newRoute == null || !acceptsRouteFrom(source)) {
      return;
    }
    routeSource = source;
    if (!newRoute.equals(route)) {
      route = newRoute;
      // the route goes to the metrics either way; a span that is not recorded needs no new name
      if (span.isRecording()) {
        span.setAttribute(HttpAttributes.HTTP_ROUTE, newRoute);
        span.updateName(HttpServerSpanName.of(method, newRoute));
      }
    }
  }

  /**
   * {@link #updateRoute} for a framework whose patterns are relative to the application: the server
   * library's application path (the servlet context path) goes in front.
   */
  public void updateApplicationRoute(HttpRouteSource source, String pattern) {
    Object current = request;
    if (pattern == null || current == null || !acceptsRouteFrom(source)) {
      return;
    }
    String applicationPath = getter.applicationPath(current);
    updateRoute(
        source,
        applicationPath == null || applicationPath.isEmpty() ? pattern : applicationPath + pattern);
  }

  /**
   * What the server library keeps with the request under {@code name} (a servlet request
   * attribute), for frameworks that leave what they matched there; {@code null} once the exchange
   * has ended.
   */
  public Object requestAttribute(String name) {
    Object current = request;
    return current == null ? null : getter.requestAttribute(current, name);
  }

  /**
   * Notes that the response completes after the handler returns (an async servlet). Returns {@code
   * true} the first time only, so that a library attaches its completion callback once.
   */
  public boolean markAsync() {
    return ASYNC.compareAndSet(this, 0, 1);
  }

  /**
   * Keeps an exception thrown while the request continued asynchronously, for the span that ends
   * later.
   */
  public void recordAsyncError(Throwable error) {
    if (error != null && asyncError == null) {
      asyncError = error;
    }
  }

  Throwable asyncError() {
    return asyncError;
  }

  /** A request on an excluded path, which makes no telemetry. */
  public boolean isExcluded() {
    return excluded;
  }

  public boolean isEnded() {
    return ended != 0;
  }

  /** {@code true} for the one caller that gets to end the exchange. */
  boolean tryEnd() {
    if (ENDED.compareAndSet(this, 0, 1)) {
      request = null;
      return true;
    }
    return false;
  }

  long startNanos() {
    return startNanos;
  }

  String method() {
    return method;
  }

  String scheme() {
    return scheme;
  }

  String protocolVersion() {
    return protocolVersion;
  }

  Attributes activeRequestAttributes() {
    return activeRequestAttributes;
  }
}
