package io.otelite.instrumentation.httpclient.apache5;

import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;
import io.otelite.instrumentation.httpclient.apache.ApacheRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * One async {@code execute}: created on the caller's thread with the caller's context; the span
 * starts when the request producer emits the request, and ends when the client calls back.
 */
final class AsyncCall {
  private static final HttpClientInstrumenter<ApacheRequest<HttpHost, HttpRequest>, HttpResponse>
      INSTRUMENTER = ApacheHttpClient5Singletons.instrumenter();

  private final Context parentContext;
  private final HttpHost target;
  private volatile ApacheRequest<HttpHost, HttpRequest> request;
  private volatile HttpClientOperation operation;
  private volatile HttpContext httpContext;

  private AsyncCall(Context parentContext, HttpHost target) {
    this.parentContext = parentContext;
    this.target = target;
  }

  /**
   * @return {@code {producer, callback, call}} with the producer and callback to use instead of the
   *     application's, or {@code null} if this call is not traced; always paired with {@link #exit}
   */
  static Object[] enter(
      HttpHost target, AsyncRequestProducer producer, FutureCallback<?> callback) {
    if (CallDepth.forKind(CloseableHttpAsyncClient.class).incrementAndGet() > 1
        || producer == null) {
      return null;
    }
    Context parentContext = Context.current();
    if (!INSTRUMENTER.shouldStart(parentContext)) {
      return null;
    }
    AsyncCall call = new AsyncCall(parentContext, target);
    return new Object[] {
      new TracingRequestProducer(producer, call), new TracingFutureCallback<>(callback, call), call
    };
  }

  static void exit(Object[] state, Throwable error) {
    CallDepth.forKind(CloseableHttpAsyncClient.class).decrementAndGet();
    if (state != null && error != null) {
      ((AsyncCall) state[2]).end(null, error);
    }
  }

  Context parentContext() {
    return parentContext;
  }

  /**
   * The request is about to be sent: start the span and put its context in the request's headers.
   */
  void onRequest(HttpRequest httpRequest, HttpContext context) {
    if (operation != null || httpRequest == null) {
      return; // a producer asked to send again (a retry) belongs to the same span
    }
    ApacheRequest<HttpHost, HttpRequest> apacheRequest = new ApacheRequest<>(target, httpRequest);
    request = apacheRequest;
    httpContext = context;
    operation = INSTRUMENTER.start(parentContext, apacheRequest);
  }

  /**
   * @param result what the response consumer produced, which usually is or holds the response
   */
  void onCompleted(Object result) {
    end(responseOf(result), null);
  }

  void end(HttpResponse response, Throwable error) {
    HttpClientOperation started = operation;
    if (started != null) {
      INSTRUMENTER.end(started, request, response, error);
    }
  }

  @SuppressWarnings(
      "deprecation") // adapt: castOrCreate, its replacement, only exists since httpcore5 5.3
  private HttpResponse responseOf(Object result) {
    if (result instanceof HttpResponse) {
      return (HttpResponse) result; // SimpleHttpResponse
    }
    if (result instanceof Message && ((Message<?, ?>) result).getHead() instanceof HttpResponse) {
      return (HttpResponse) ((Message<?, ?>) result).getHead(); // BasicResponseConsumer
    }
    HttpContext context = httpContext;
    return context == null ? null : HttpCoreContext.adapt(context).getResponse();
  }
}
