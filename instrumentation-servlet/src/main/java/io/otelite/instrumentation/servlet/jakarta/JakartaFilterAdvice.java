package io.otelite.instrumentation.servlet.jakarta;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;

/** Around {@code Filter.doFilter}: the work is in {@link JakartaServletRequestScope}. */
public final class JakartaFilterAdvice {
  private JakartaFilterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    return JakartaServletRequestScope.enter(request, response, false);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Thrown Throwable error,
      @Advice.Enter Object scope) {
    JakartaServletRequestScope.exit(scope, request, response, error);
  }
}
