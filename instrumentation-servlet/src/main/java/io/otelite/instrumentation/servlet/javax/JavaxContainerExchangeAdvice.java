package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.servlet.ServletContainerFrame;
import net.bytebuddy.asm.Advice;

/** Around the container method that holds one exchange: see {@link ServletContainerFrame}. */
public final class JavaxContainerExchangeAdvice {
  private JavaxContainerExchangeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    ServletContainerFrame.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    ServletContainerFrame.exit();
  }
}
