package io.otelite.instrumentation.logging.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.otelite.instrumentation.logging.ApplicationLogRecords;
import java.util.concurrent.TimeUnit;

/** One Logback event as an OpenTelemetry log record. */
final class LogbackLogRecords {
  /**
   * Logback 1.3+ keeps the time in nanoseconds ({@code getInstant()}); 1.2 only in milliseconds.
   */
  private static final boolean HAS_INSTANT = hasInstant();

  private LogbackLogRecords() {}

  static void emit(ILoggingEvent event) {
    // callAppenders runs on the thread that logs, inside the application's span
    Context context = Context.current();
    if (ApplicationLogRecords.isAgentExport(context)) {
      return;
    }
    LogRecordBuilder record = ApplicationLogRecords.builder(event.getLoggerName());
    if (HAS_INSTANT && event.getInstant() != null) {
      record.setTimestamp(event.getInstant());
    } else {
      record.setTimestamp(event.getTimeStamp(), TimeUnit.MILLISECONDS);
    }
    Level level = event.getLevel();
    ApplicationLogRecords.emit(
        record,
        severity(level),
        level == null ? null : level.toString(),
        event.getFormattedMessage(),
        throwable(event.getThrowableProxy()),
        context);
  }

  static Severity severity(Level level) {
    if (level == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    switch (level.toInt()) {
      case Level.ERROR_INT:
        return Severity.ERROR;
      case Level.WARN_INT:
        return Severity.WARN;
      case Level.INFO_INT:
        return Severity.INFO;
      case Level.DEBUG_INT:
        return Severity.DEBUG;
      case Level.TRACE_INT:
        return Severity.TRACE;
      default:
        return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
  }

  /**
   * The exception itself; a proxy that is not a {@code ThrowableProxy} (a deserialized event) has
   * none.
   */
  private static Throwable throwable(IThrowableProxy proxy) {
    return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
  }

  private static boolean hasInstant() {
    try {
      ILoggingEvent.class.getMethod("getInstant");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
