package io.otelite.instrumentation.httpclient.apache5;

import static io.otelite.instrumentation.httpclient.apache5.ApacheHttpClient5Singletons.HEADER_SETTER;
import static io.otelite.instrumentation.httpclient.apache5.ApacheHttpClient5Singletons.INSTRUMENTER;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/** One classic {@code execute} in flight, current on its thread while it runs. */
final class ClassicCall {
  /**
   * The traced call running on this thread, for the chain's last step to report each request sent.
   */
  private static final ThreadLocal<ClassicCall> RUNNING = new ThreadLocal<>();

  private final ApacheRequest request;
  private final HttpClientOperation operation;
  private final Scope scope;

  private ClassicCall(ApacheRequest request, HttpClientOperation operation) {
    this.request = request;
    this.operation = operation;
    this.scope = operation.makeCurrent();
  }

  /**
   * Always paired with {@link #end}: it counts how deeply classic calls are nested on this thread.
   */
  static ClassicCall start(HttpHost target, ClassicHttpRequest request) {
    if (CallDepth.forKind(CloseableHttpClient.class).incrementAndGet() > 1 || request == null) {
      return null;
    }
    Context parentContext = Context.current();
    if (!INSTRUMENTER.shouldStart(parentContext)) {
      return null;
    }
    ApacheRequest apacheRequest = new ApacheRequest(target, request);
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

  /**
   * Called for each request the chain sends: counts resends, and gives a request the chain built
   * anew (a redirect turned into a GET) the propagation headers too.
   */
  static void onRequestSent(ClassicHttpRequest sent) {
    // a nested call (made by an interceptor, say) is not a resend of the outer one
    if (CallDepth.forKind(CloseableHttpClient.class).get() != 1) {
      return;
    }
    ClassicCall call = RUNNING.get();
    if (call != null && call.operation.onRequestSent() > 0 && sent != null) {
      INSTRUMENTER.inject(call.operation, sent, HEADER_SETTER);
    }
  }
}
