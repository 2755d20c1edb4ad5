package io.otelite.instrumentation.logging.log4j;

import io.otelite.instrumentation.api.CallDepth;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;

/**
 * {@code Logger.logMessage(fqcn, level, marker, message, throwable)}: one record per event, the
 * outermost call.
 */
public final class Log4jLogMessageAdvice {
  private Log4jLogMessageAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This Logger logger,
      @Advice.Argument(1) Level level,
      @Advice.Argument(3) Message message,
      @Advice.Argument(4) Throwable error) {
    if (CallDepth.forKind(Log4jLogRecords.class).incrementAndGet() == 1) {
      Log4jLogRecords.emit(logger, level, message, error);
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    CallDepth.forKind(Log4jLogRecords.class).decrementAndGet();
  }
}
