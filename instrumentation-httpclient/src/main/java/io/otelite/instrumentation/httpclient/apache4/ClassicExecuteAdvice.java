package io.otelite.instrumentation.httpclient.apache4;

import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/** {@code doExecute}: the span is current while the call runs. */
public final class ClassicExecuteAdvice {
  private ClassicExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
    return ApacheHttpClient4Singletons.classicCalls().start(target, request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return HttpResponse response,
      @Advice.Thrown Throwable error) {
    ApacheHttpClient4Singletons.classicCalls().end(call, response, error);
  }
}
