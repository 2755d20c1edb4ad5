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
  private final String spanNamePrefix;
  private final String method;
  private final String scheme;
  private final String protocolVersion;
  private final Attributes activeRequestAttributes;
  private final boolean excluded;

  private volatile String route;
  private volatile boolean routeFinal;
  private volatile Throwable asyncError;
  private volatile int ended;
  private volatile int async;

  HttpServerExchange(
      Context parent,
      Span span,
      long startNanos,
      String spanNamePrefix,
      String method,
      String scheme,
      String protocolVersion,
      Attributes activeRequestAttributes,
      String route,
      boolean routeFinal) {
    this(
        parent,
        span,
        startNanos,
        spanNamePrefix,
        method,
        scheme,
        protocolVersion,
        activeRequestAttributes,
        route,
        routeFinal,
        false);
  }

  private HttpServerExchange(
      Context parent,
      Span span,
      long startNanos,
      String spanNamePrefix,
      String method,
      String scheme,
      String protocolVersion,
      Attributes activeRequestAttributes,
      String route,
      boolean routeFinal,
      boolean excluded) {
    this.excluded = excluded;
    this.span = span;
    this.context = parent.with(span).with(KEY, this);
    this.startNanos = startNanos;
    this.spanNamePrefix = spanNamePrefix;
    this.method = method;
    this.scheme = scheme;
    this.protocolVersion = protocolVersion;
    this.activeRequestAttributes = activeRequestAttributes;
    this.route = route;
    this.routeFinal = routeFinal && route != null;
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
        parent, notSampled, 0, "", null, null, null, Attributes.empty(), null, true, true);
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

  public boolean isRouteFinal() {
    return routeFinal;
  }

  /**
   * Sets {@code http.route} and renames the span {@code {method} {route}}. A final route (from the
   * handler that serves the request) is never replaced; a provisional one (from a layer in front of
   * it, such as a filter) is replaced by the next route set.
   */
  public void updateRoute(String newRoute, boolean isFinal) {
    if (routeFinal || newRoute == null) {
      return;
    }
    if (!newRoute.equals(route)) {
      route = newRoute;
      span.setAttribute(HttpAttributes.HTTP_ROUTE, newRoute);
      span.updateName(spanNamePrefix + ' ' + newRoute);
    }
    routeFinal = isFinal;
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
    return ENDED.compareAndSet(this, 0, 1);
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
