package io.otelite.instrumentation.annotations;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * A {@code @WithSpan} method with {@code @SpanAttribute} parameters: as {@link WithSpanAdvice},
 * plus the arguments.
 */
public final class WithSpanAttributesAdvice {
  private WithSpanAttributesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#m#d") String method,
      @Advice.AllArguments Object[] arguments) {
    return MethodSpan.start(type, method, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object span,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable error) {
    if (span != null) {
      ((MethodSpan) span).end(returned, error);
    }
  }
}
