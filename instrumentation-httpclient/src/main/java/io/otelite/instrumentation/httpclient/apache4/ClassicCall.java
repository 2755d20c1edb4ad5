package io.otelite.instrumentation.httpclient.apache4;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.client.CloseableHttpClient;

/** One {@code execute} in flight, current on its thread while it runs. */
final class ClassicCall {
  /**
   * {@code setHeader}, not {@code addHeader}: a request sent again (or reused) keeps one
   * traceparent.
   */
  private static final TextMapSetter<HttpRequest> HEADER_SETTER =
      (request, name, value) -> request.setHeader(name, value);

  private static final HttpClientInstrumenter<ApacheRequest4, HttpResponse> INSTRUMENTER =
      HttpClientInstrumenter.create(
          "io.otelite.apache-httpclient",
          new ApacheHttpClient4AttributesGetter(),
          (request, name, value) -> HEADER_SETTER.set(request.request, name, value));

  /**
   * The traced call running on this thread, for the chain's last step to report each request sent.
   */
  private static final ThreadLocal<ClassicCall> RUNNING = new ThreadLocal<>();

  private final ApacheRequest4 request;
  private final HttpClientOperation operation;
  private final Scope scope;

  private ClassicCall(ApacheRequest4 request, HttpClientOperation operation) {
    this.request = request;
    this.operation = operation;
    this.scope = operation.makeCurrent();
  }

  /** Always paired with {@link #end}: it counts how deeply calls are nested on this thread. */
  static ClassicCall start(HttpHost target, HttpRequest request) {
    if (CallDepth.forKind(CloseableHttpClient.class).incrementAndGet() > 1 || request == null) {
      return null;
    }
    Context parentContext = Context.current();
    if (!INSTRUMENTER.shouldStart(parentContext)) {
      return null;
    }
    ApacheRequest4 apacheRequest = new ApacheRequest4(target, request);
    ClassicCall call =
        new ClassicCall(apacheRequest, INSTRUMENTER.start(parentContext, apacheRequest));
    RUNNING.set(call);
    return call;
  }

  static void end(Object state, HttpResponse response, Throwable error) {
    CallDepth.forKind(CloseableHttpClient.class).decrementAndGet();
    if (state == null) {
      return;
    }
    ClassicCall call = (ClassicCall) state;
    RUNNING.remove();
    call.scope.close();
    INSTRUMENTER.end(call.operation, call.request, response, error);
  }

  /** Counts resends, and gives a request the chain built anew the propagation headers too. */
  static void onRequestSent(HttpRequest sent) {
    if (CallDepth.forKind(CloseableHttpClient.class).get() != 1) {
      return; // a nested call (made by an interceptor, say) is not a resend of the outer one
    }
    ClassicCall call = RUNNING.get();
    if (call != null && call.operation.onRequestSent() > 0 && sent != null) {
      INSTRUMENTER.inject(call.operation, sent, HEADER_SETTER);
    }
  }
}
