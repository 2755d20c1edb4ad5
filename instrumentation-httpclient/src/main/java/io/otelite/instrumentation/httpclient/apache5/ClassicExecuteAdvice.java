package io.otelite.instrumentation.httpclient.apache5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/** {@code doExecute} of a classic client: the span is current while the call runs. */
public final class ClassicExecuteAdvice {
  private ClassicExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
    return ApacheHttpClient5Singletons.classicCalls().start(target, request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return HttpResponse response,
      @Advice.Thrown Throwable error) {
    ApacheHttpClient5Singletons.classicCalls().end(call, response, error);
  }
}
