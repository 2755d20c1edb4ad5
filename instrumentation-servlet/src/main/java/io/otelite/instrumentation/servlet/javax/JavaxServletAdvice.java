package io.otelite.instrumentation.servlet.javax;

import net.bytebuddy.asm.Advice;

/**
 * Around {@code Servlet.service} and {@code Filter.doFilter}: the work is in {@link
 * io.otelite.instrumentation.servlet.ServletTracing}.
 */
public final class JavaxServletAdvice {
  private JavaxServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.This Object servletOrFilter,
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response) {
    return JavaxServletAccessor.TRACING.enter(servletOrFilter, request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Thrown Throwable error,
      @Advice.Enter Object state) {
    JavaxServletAccessor.TRACING.exit(state, request, response, error);
  }
}
