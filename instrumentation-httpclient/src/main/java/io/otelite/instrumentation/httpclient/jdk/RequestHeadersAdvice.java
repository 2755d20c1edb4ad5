package io.otelite.instrumentation.httpclient.jdk;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code ImmutableHttpRequest.headers()}: adds the propagation headers while the JDK copies them
 * for sending.
 */
public final class RequestHeadersAdvice {
  private RequestHeadersAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static HttpHeaders exit(
      @Advice.This HttpRequest request, @Advice.Return HttpHeaders headers) {
    return JavaHttpClientCall.headersToSend(request, headers);
  }
}
