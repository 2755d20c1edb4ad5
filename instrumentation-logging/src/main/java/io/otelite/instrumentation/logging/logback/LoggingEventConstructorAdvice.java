package io.otelite.instrumentation.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.bytebuddy.asm.Advice;

/** {@code new LoggingEvent(...)}: remembers the span current on the thread that logs. */
public final class LoggingEventConstructorAdvice {
  private LoggingEventConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This ILoggingEvent event) {
    EventSpanContexts.capture(event);
  }
}
