package io.otelite.instrumentation.logging.log4j;

import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.otelite.instrumentation.logging.ApplicationLogRecords;
import java.time.Instant;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;

/** One Log4j 2 event as an OpenTelemetry log record. */
final class Log4jLogRecords {
  private Log4jLogRecords() {}

  static void emit(Logger logger, Level level, Message message, Throwable error) {
    Context context = Context.current();
    if (ApplicationLogRecords.isAgentExport(context)) {
      return;
    }
    LogRecordBuilder record = ApplicationLogRecords.builder(logger.getName());
    record.setTimestamp(Instant.now());
    ApplicationLogRecords.emit(
        record,
        severity(level),
        level == null ? null : level.name(),
        message == null ? null : message.getFormattedMessage(),
        error != null || message == null ? error : message.getThrowable(),
        context);
  }

  /**
   * By Log4j's integer levels, so that custom levels fall to the standard level at or above them.
   */
  static Severity severity(Level level) {
    if (level == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    int value = level.intLevel();
    if (value <= 0) {
      return Severity.UNDEFINED_SEVERITY_NUMBER; // OFF
    } else if (value <= Level.FATAL.intLevel()) {
      return Severity.FATAL;
    } else if (value <= Level.ERROR.intLevel()) {
      return Severity.ERROR;
    } else if (value <= Level.WARN.intLevel()) {
      return Severity.WARN;
    } else if (value <= Level.INFO.intLevel()) {
      return Severity.INFO;
    } else if (value <= Level.DEBUG.intLevel()) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }
}
