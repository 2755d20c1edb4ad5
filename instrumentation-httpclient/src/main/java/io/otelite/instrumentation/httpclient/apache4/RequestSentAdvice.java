package io.otelite.instrumentation.httpclient.apache4;

import net.bytebuddy.asm.Advice;
import org.apache.http.HttpRequest;

/** {@code MainClientExec.execute}: one request is about to go on the wire. */
public final class RequestSentAdvice {
  private RequestSentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(1) HttpRequest request) {
    ApacheHttpClient4Singletons.classicCalls().onRequestSent(request);
  }
}
