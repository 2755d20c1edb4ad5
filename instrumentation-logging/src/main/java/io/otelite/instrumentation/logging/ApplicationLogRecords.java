package io.otelite.instrumentation.logging;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ExceptionAttributes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the application's log records to the agent's logs pipeline, as the OpenTelemetry agent's
 * log appenders do: the logger's name as the instrumentation scope, severity, body, timestamp, the
 * span context current when the application logged, and the exception as {@code exception.*}
 * attributes.
 */
public final class ApplicationLogRecords {
  /**
   * Logger names are the application's class names, a bounded set; the cap guards against generated
   * names.
   */
  private static final int MAX_CACHED_LOGGERS = 10_000;

  private static final Map<String, Logger> LOGGERS = new ConcurrentHashMap<>();

  private ApplicationLogRecords() {}

  /**
   * Whether a record logged under {@code context} is the agent's own doing: something logged while
   * the agent exports (an HTTP client's or a JUL bridge's line) would otherwise feed the next
   * export, and so on.
   */
  public static boolean isAgentExport(Context context) {
    return InstrumentationUtil.shouldSuppressInstrumentation(context);
  }

  /**
   * A record for the named logger; the caller sets its timestamp, then {@link #emit} fills in the
   * rest.
   */
  public static LogRecordBuilder builder(String loggerName) {
    return logger(loggerName == null ? "ROOT" : loggerName).logRecordBuilder();
  }

  public static void emit(
      LogRecordBuilder record,
      Severity severity,
      String severityText,
      String body,
      Throwable error,
      Context context) {
    record.setSeverity(severity).setSeverityText(severityText).setContext(context);
    if (body != null) {
      record.setBody(body);
    }
    if (error != null) {
      record.setAttribute(ExceptionAttributes.EXCEPTION_TYPE, error.getClass().getName());
      if (error.getMessage() != null) {
        record.setAttribute(ExceptionAttributes.EXCEPTION_MESSAGE, error.getMessage());
      }
      record.setAttribute(ExceptionAttributes.EXCEPTION_STACKTRACE, stackTrace(error));
    }
    record.emit();
  }

  private static Logger logger(String name) {
    Logger logger = LOGGERS.get(name);
    if (logger == null) {
      logger = GlobalOpenTelemetry.get().getLogsBridge().get(name);
      if (LOGGERS.size() < MAX_CACHED_LOGGERS) {
        LOGGERS.put(name, logger);
      }
    }
    return logger;
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      error.printStackTrace(writer);
    }
    return out.toString();
  }
}
