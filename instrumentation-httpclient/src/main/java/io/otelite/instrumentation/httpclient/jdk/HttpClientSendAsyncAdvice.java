package io.otelite.instrumentation.httpclient.jdk;

import io.otelite.instrumentation.api.CallDepth;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientImpl.sendAsync}: the span ends when the JDK's future completes, and the
 * application gets a future whose dependent actions run with its own context. The two-argument
 * overload calls the three-argument one: only the outermost is traced.
 */
public final class HttpClientSendAsyncAdvice {
  private HttpClientSendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpRequest request) {
    if (CallDepth.forKind(HttpClient.class).incrementAndGet() > 1) {
      return null;
    }
    return JavaHttpClientCall.start(request, false);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static CompletableFuture<HttpResponse<?>> exit(
      @Advice.Enter Object call,
      @Advice.Return CompletableFuture<HttpResponse<?>> future,
      @Advice.Thrown Throwable error) {
    CallDepth.forKind(HttpClient.class).decrementAndGet();
    if (call == null) {
      return future;
    }
    return ((JavaHttpClientCall) call).endWhenDone(future, error);
  }
}
