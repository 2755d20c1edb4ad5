package io.otelite.instrumentation.servlet.javax;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;

/** Around {@code Servlet.service}: the work is in {@link JavaxServletRequestScope}. */
public final class JavaxServletServiceAdvice {
  private JavaxServletServiceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    return JavaxServletRequestScope.enter(request, response, true);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Thrown Throwable error,
      @Advice.Enter Object scope) {
    JavaxServletRequestScope.exit(scope, request, response, error);
  }
}
