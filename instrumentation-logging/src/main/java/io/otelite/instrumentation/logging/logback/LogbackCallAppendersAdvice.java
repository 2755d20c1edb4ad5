package io.otelite.instrumentation.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.otelite.instrumentation.api.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Emits the event as a log record; the call-depth guard keeps a record that an appender logs while
 * appending (and any re-entrant logging) from looping back.
 */
public final class LogbackCallAppendersAdvice {
  private LogbackCallAppendersAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ILoggingEvent event) {
    if (CallDepth.forKind(LogbackLogRecords.class).incrementAndGet() == 1) {
      LogbackLogRecords.emit(event);
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    CallDepth.forKind(LogbackLogRecords.class).decrementAndGet();
  }
}
