package io.otelite.instrumentation.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code LoggingEvent.getMDCPropertyMap()}: the application's MDC plus the ids of the event's span.
 */
public final class LoggingEventMdcAdvice {
  private LoggingEventMdcAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static Map<String, String> exit(
      @Advice.This ILoggingEvent event, @Advice.Return Map<String, String> mdc) {
    return EventSpanContexts.withTraceIds(event, mdc);
  }
}
