package io.otelite.instrumentation.httpclient.apache5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** {@code MainClientExec.execute}: one request is about to go on the wire. */
public final class RequestSentAdvice {
  private RequestSentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ClassicHttpRequest request) {
    ApacheHttpClient5Singletons.classicCalls().onRequestSent(request);
  }
}
