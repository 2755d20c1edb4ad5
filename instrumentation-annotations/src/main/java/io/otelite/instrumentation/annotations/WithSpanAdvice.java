package io.otelite.instrumentation.annotations;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * A {@code @WithSpan} method without {@code @SpanAttribute} parameters. The method is passed as its
 * class and a constant name-and-descriptor string, not as a {@code java.lang.reflect.Method}: Byte
 * Buddy would look that up reflectively on every call.
 */
public final class WithSpanAdvice {
  private WithSpanAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method) {
    return MethodSpan.start(type, method, null);
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
