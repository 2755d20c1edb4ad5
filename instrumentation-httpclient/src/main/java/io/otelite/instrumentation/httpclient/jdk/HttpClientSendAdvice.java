package io.otelite.instrumentation.httpclient.jdk;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientImpl.send}: the span is current while the call runs and ends when it returns or
 * throws.
 */
public final class HttpClientSendAdvice {
  private HttpClientSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpRequest request) {
    return JavaHttpClientCall.start(request, true);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return HttpResponse<?> response,
      @Advice.Thrown Throwable error) {
    if (call != null) {
      ((JavaHttpClientCall) call).end(response, error);
    }
  }
}
