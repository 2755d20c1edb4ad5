package io.otelite.instrumentation.api.http.client;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.WeakIdentityMap;

/**
 * The operation of each request object still in flight, for libraries whose one request spans
 * several method calls on the same object ({@code HttpURLConnection}: {@code connect}, {@code
 * getOutputStream}, {@code getInputStream}...) and whose classes cannot take a new field (they are
 * loaded before the agent).
 *
 * <p>A finished request keeps a small marker until the application drops it, so that methods called
 * after the response (or after a failure) do not start a second span for the same request.
 *
 * <p>Keys are held weakly and compared by identity: a request the application drops without
 * finishing it leaves nothing behind, and {@code equals} overridden by a request class is never
 * called. Instances are global per kind (like {@link io.otelite.instrumentation.api.CallDepth}) and
 * live in the agent's class loader, so every module class loader sees the same map.
 */
public final class InFlightRequests {
  private static final ClassValue<InFlightRequests> BY_KIND =
      new ClassValue<>() {
        @Override
        protected InFlightRequests computeValue(Class<?> kind) {
          return new InFlightRequests();
        }
      };

  private static final HttpClientOperation FINISHED = finishedMarker();

  private final WeakIdentityMap<Object, HttpClientOperation> operations = new WeakIdentityMap<>();

  InFlightRequests() {}

  /** The map for requests of one kind; the kind is any class that names it. */
  public static InFlightRequests forKind(Class<?> kind) {
    return BY_KIND.get(kind);
  }

  /**
   * The request's operation; one that {@link HttpClientOperation#hasEnded() has ended} once
   * finished.
   */
  public HttpClientOperation get(Object request) {
    return operations.get(request);
  }

  public void put(Object request, HttpClientOperation operation) {
    operations.put(request, operation);
  }

  /** Forgets the operation (and its span) but remembers that the request is done. */
  public void finish(Object request) {
    operations.replace(request, FINISHED);
  }

  private static HttpClientOperation finishedMarker() {
    HttpClientOperation marker =
        new HttpClientOperation(Context.root(), Span.getInvalid(), 0, null, null, -1);
    marker.markEnded();
    return marker;
  }

  int size() {
    return operations.size();
  }
}
