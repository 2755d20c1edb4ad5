package io.otelite.instrumentation.logging.log4j;

import io.otelite.instrumentation.api.CallDepth;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;

/**
 * {@code Logger.log(level, marker, fqcn, location, message, throwable)}: as {@link
 * Log4jLogMessageAdvice}.
 */
public final class Log4jLogAdvice {
  private Log4jLogAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Logger logger,
      @Advice.Argument(0) Level level,
      @Advice.Argument(4) Message message,
      @Advice.Argument(5) Throwable error) {
    if (CallDepth.forKind(Log4jLogRecords.class).incrementAndGet() == 1) {
      Log4jLogRecords.emit(logger, level, message, error);
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    CallDepth.forKind(Log4jLogRecords.class).decrementAndGet();
  }
}
