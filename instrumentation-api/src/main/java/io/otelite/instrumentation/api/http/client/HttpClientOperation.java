package io.otelite.instrumentation.api.http.client;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One logical HTTP client call in flight: its CLIENT span, the context it runs in and what the
 * duration metric needs at the end.
 *
 * <p>Its context also carries the operation itself, which marks everything below it as "inside an
 * HTTP client call": a client built on another instrumented client (a library over {@code
 * HttpURLConnection}, an interceptor that makes its own request) then makes one span, not two,
 * whatever the libraries involved.
 */
public final class HttpClientOperation {
  private static final ContextKey<HttpClientOperation> KEY =
      ContextKey.named("otelite-http-client-operation");
  private static final AtomicIntegerFieldUpdater<HttpClientOperation> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(HttpClientOperation.class, "ended");

  private final Context parentContext;
  private final Context context;
  private final Span span;
  private final long startNanos;
  final String method;
  final String serverAddress;
  final int serverPort;
  private volatile int sends;
  private volatile int ended;

  HttpClientOperation(
      Context parentContext,
      Span span,
      long startNanos,
      String method,
      String serverAddress,
      int serverPort) {
    this.parentContext = parentContext;
    this.span = span;
    this.startNanos = startNanos;
    this.method = method;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.context = parentContext.with(span).with(KEY, this);
  }

  /** The operation whose context {@code context} is (or descends from), or {@code null}. */
  public static HttpClientOperation fromContext(Context context) {
    return context.get(KEY);
  }

  /** The context with this call's CLIENT span: what is injected into the request's headers. */
  public Context context() {
    return context;
  }

  /** The context the call was made in: what callbacks of an asynchronous call run with. */
  public Context parentContext() {
    return parentContext;
  }

  public Span span() {
    return span;
  }

  long startNanos() {
    return startNanos;
  }

  public Scope makeCurrent() {
    return context.makeCurrent();
  }

  /**
   * Counts one physical request of this call (the first, or a retry, redirect or authentication
   * resend): libraries that can see each attempt report it, and the span gets {@code
   * http.request.resend_count}.
   *
   * @return how many times the request has now been resent (0 for the first send)
   */
  public int onRequestSent() {
    int sent = ++sends; // only the thread driving the call reports sends
    return sent - 1;
  }

  int resendCount() {
    int sent = sends;
    return sent > 1 ? sent - 1 : 0;
  }

  public boolean hasEnded() {
    return ended != 0;
  }

  /** True exactly once: the caller that wins ends the span; racing completions are ignored. */
  boolean markEnded() {
    return ENDED.compareAndSet(this, 0, 1);
  }
}
