package io.otelite.instrumentation.httpclient.apache;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;

/**
 * The classic (blocking) {@code execute} of Apache HttpClient 4 or 5: one CLIENT span per call,
 * current on its thread while the call runs; each request the execution chain sends after the first
 * (a redirect, a retry, an authentication round) is counted as a resend and carries the propagation
 * headers too.
 *
 * <p>Each version has its own instance (in its {@code Singletons}), so that the calls of one
 * version never see the other's: each counts its own nesting and knows only its own running call.
 */
public final class ApacheClassicCalls<HOST, REQUEST, RESPONSE> {
  private final Class<?> clientType;
  private final HttpClientInstrumenter<ApacheRequest<HOST, REQUEST>, RESPONSE> instrumenter;
  private final TextMapSetter<REQUEST> headerSetter;

  /**
   * The traced call running on this thread, for the chain's last step to report each request sent.
   */
  private final ThreadLocal<Call<HOST, REQUEST>> running = new ThreadLocal<>();

  /**
   * @param clientType the version's {@code CloseableHttpClient}: the kind whose nesting is counted
   */
  public ApacheClassicCalls(
      Class<?> clientType,
      HttpClientInstrumenter<ApacheRequest<HOST, REQUEST>, RESPONSE> instrumenter,
      ApacheHttpClientAccessor<HOST, REQUEST, RESPONSE> accessor) {
    this.clientType = clientType;
    this.instrumenter = instrumenter;
    this.headerSetter = accessor::setHeader;
  }

  /**
   * Always paired with {@link #end}: it counts how deeply calls are nested on this thread.
   *
   * @return what {@link #end} needs, or {@code null} when the call is not traced
   */
  public Object start(HOST target, REQUEST request) {
    if (CallDepth.forKind(clientType).incrementAndGet() > 1 || request == null) {
      return null;
    }
    Context parentContext = Context.current();
    if (!instrumenter.shouldStart(parentContext)) {
      return null;
    }
    ApacheRequest<HOST, REQUEST> apacheRequest = new ApacheRequest<>(target, request);
    Call<HOST, REQUEST> call =
        new Call<>(apacheRequest, instrumenter.start(parentContext, apacheRequest));
    running.set(call);
    return call;
  }

  public void end(Object started, RESPONSE response, Throwable error) {
    CallDepth.forKind(clientType).decrementAndGet();
    if (started == null) {
      return;
    }
    @SuppressWarnings("unchecked") // start made it
    Call<HOST, REQUEST> call = (Call<HOST, REQUEST>) started;
    running.remove();
    call.scope.close();
    instrumenter.end(call.operation, call.request, response, error);
  }

  /**
   * Called for each request the chain sends: counts resends, and gives a request the chain built
   * anew (a redirect turned into a GET) the propagation headers too.
   */
  public void onRequestSent(REQUEST sent) {
    // a nested call (made by an interceptor, say) is not a resend of the outer one
    if (CallDepth.forKind(clientType).get() != 1) {
      return;
    }
    Call<HOST, REQUEST> call = running.get();
    if (call != null && call.operation.onRequestSent() > 0 && sent != null) {
      instrumenter.inject(call.operation, sent, headerSetter);
    }
  }

  private static final class Call<HOST, REQUEST> {
    final ApacheRequest<HOST, REQUEST> request;
    final HttpClientOperation operation;
    final Scope scope;

    Call(ApacheRequest<HOST, REQUEST> request, HttpClientOperation operation) {
      this.request = request;
      this.operation = operation;
      this.scope = operation.makeCurrent();
    }
  }
}
