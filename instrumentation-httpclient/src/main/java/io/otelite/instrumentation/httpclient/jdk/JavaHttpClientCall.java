package io.otelite.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One {@code send} or {@code sendAsync} in flight: what the advice keeps between enter and exit.
 */
final class JavaHttpClientCall {
  private static final HttpClientInstrumenter<HttpRequest, HttpResponse<?>> INSTRUMENTER =
      JavaHttpClientSingletons.instrumenter();

  /**
   * The OpenTelemetry OTLP exporters send this user agent; their requests must not be traced (a
   * loop).
   */
  private static final String OTLP_EXPORTER_USER_AGENT = "OTel-OTLP-Exporter-Java";

  /**
   * The call whose request this thread is handing to the JDK: only its {@code headers()} are
   * extended.
   */
  private static final ThreadLocal<JavaHttpClientCall> SENDING = new ThreadLocal<>();

  private final HttpRequest request;
  private final HttpClientOperation operation;
  private final Scope scope;
  private HttpHeaders headersToSend;

  private JavaHttpClientCall(
      HttpRequest request, HttpClientOperation operation, boolean makeCurrent) {
    this.request = request;
    this.operation = operation;
    this.scope = makeCurrent ? operation.makeCurrent() : null;
    SENDING.set(this);
  }

  /**
   * Starts the span unless this call is nested in another HTTP client call or is the agent's own
   * export.
   *
   * @param makeCurrent whether the span is current while the method runs (for {@code send}; the
   *     callbacks of {@code sendAsync} run with the caller's context instead)
   * @return the call, or {@code null} if it is not traced
   */
  static JavaHttpClientCall start(HttpRequest request, boolean makeCurrent) {
    if (request == null) {
      return null;
    }
    Context parentContext = Context.current();
    if (!INSTRUMENTER.shouldStart(parentContext) || isOtlpExport(request)) {
      return null;
    }
    return new JavaHttpClientCall(request, INSTRUMENTER.start(parentContext, request), makeCurrent);
  }

  private static boolean isOtlpExport(HttpRequest request) {
    return request
        .headers()
        .firstValue("User-Agent")
        .map(userAgent -> userAgent.startsWith(OTLP_EXPORTER_USER_AGENT))
        .orElse(false);
  }

  /**
   * The headers the JDK copies from {@code request}: with the propagation headers if this thread is
   * sending that very request, unchanged otherwise (the application reading its own request sees
   * what it built).
   */
  static HttpHeaders headersToSend(HttpRequest request, HttpHeaders headers) {
    JavaHttpClientCall call = SENDING.get();
    if (call == null || call.request != request || headers == null) {
      return headers;
    }
    if (call.headersToSend == null) {
      call.headersToSend = call.withPropagationHeaders(headers);
    }
    return call.headersToSend;
  }

  private HttpHeaders withPropagationHeaders(HttpHeaders headers) {
    // case-insensitive, so that a traceparent the application set itself is replaced, not
    // duplicated
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(headers.map());
    INSTRUMENTER.inject(
        operation, merged, (carrier, name, value) -> carrier.put(name, List.of(value)));
    return HttpHeaders.of(merged, (name, value) -> true);
  }

  /** Ends the span of a {@code send}. */
  void end(HttpResponse<?> response, Throwable error) {
    stopSending();
    INSTRUMENTER.end(operation, request, response, error);
  }

  /**
   * For {@code sendAsync}: ends the span when the JDK's future completes, and returns the future
   * the application gets instead, on which dependent actions run with the caller's context.
   */
  CompletableFuture<HttpResponse<?>> endWhenDone(
      CompletableFuture<HttpResponse<?>> future, Throwable error) {
    stopSending();
    if (future == null || error != null) {
      INSTRUMENTER.end(operation, request, null, error);
      return future;
    }
    CallerContextFuture<HttpResponse<?>> callerFuture = new CallerContextFuture<>(future);
    future.whenComplete(
        (response, failure) -> {
          INSTRUMENTER.end(operation, request, response, unwrap(failure));
          callerFuture.completeInContext(operation.parentContext(), response, failure);
        });
    return callerFuture;
  }

  private void stopSending() {
    SENDING.remove();
    if (scope != null) {
      scope.close();
    }
  }

  private static Throwable unwrap(Throwable failure) {
    if (failure instanceof CompletionException && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }
}
