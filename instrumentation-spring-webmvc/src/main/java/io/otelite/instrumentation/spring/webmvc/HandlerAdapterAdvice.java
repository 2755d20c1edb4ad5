package io.otelite.instrumentation.spring.webmvc;

import net.bytebuddy.asm.Advice;

/** Before a handler runs: see {@link SpringMvcRoute}. */
public final class HandlerAdapterAdvice {
  private HandlerAdapterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    SpringMvcRoute.handlerMatched();
  }
}
