package io.otelite.tooling.export;

import io.otelite.instrumentation.api.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SDK logs a java.util.logging line per failed batch (SEVERE "Failed to export spans...", WARNING
 * "Exporter failed", "BatchSpanProcessor dropped ...") and JUL prints it on stderr: a collector that is down
 * would flood the application's stderr. The agent's own copy of those loggers is turned into its debug log
 * instead ({@link ExportHealth} says once that export fails), and the span processor's drop report feeds
 * {@link DroppedSpans}.
 *
 * <p>The logger names are the SDK 1.63 classes that log per export. A filter sits on each (filters are not
 * inherited, so each class is named); it lets records through untouched when they come from another copy
 * of the SDK, the application's own, which shares the JVM-wide logger names.
 */
public final class SdkExportLogs {
  private static final String BATCH_SPAN_PROCESSOR = "io.opentelemetry.sdk.trace.export.BatchSpanProcessor";
  static final String[] LOGGER_NAMES = {
    "io.opentelemetry.exporter.otlp.internal.HttpExporter",
    "io.opentelemetry.exporter.otlp.internal.GrpcExporter",
    "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSender",
    "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSender",
    "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSender",
    "io.opentelemetry.exporter.sender.okhttp.internal.RetryInterceptor",
    "io.opentelemetry.exporter.zipkin.ZipkinSpanExporter",
    BATCH_SPAN_PROCESSOR,
    "io.opentelemetry.sdk.trace.export.SimpleSpanProcessor",
    "io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor",
    "io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor",
    "io.opentelemetry.sdk.metrics.export.PeriodicMetricReader",
  };

  // JUL holds loggers weakly: a logger nobody references loses its filter when collected
  private static final List<Logger> CONFIGURED = new ArrayList<>();

  private SdkExportLogs() {}

  /** Installs the filters; call before the SDK is built. Idempotent. */
  public static synchronized void routeToAgentDebugLog() {
    if (!CONFIGURED.isEmpty()) {
      return;
    }
    ClassLoader agentLoader = SdkExportLogs.class.getClassLoader();
    for (String name : LOGGER_NAMES) {
      Logger logger = Logger.getLogger(name);
      logger.setFilter(new AgentCopyOnly(agentLoader, logger.getFilter()));
      CONFIGURED.add(logger);
    }
  }

  /** Consumes the records logged by the agent's copy of the SDK; others go on to the logger's handlers. */
  private static final class AgentCopyOnly implements Filter {
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final ClassLoader agentLoader;
    private final Filter previous;

    AgentCopyOnly(ClassLoader agentLoader, Filter previous) {
      this.agentLoader = agentLoader;
      this.previous = previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (!loggedByAgentCopy()) {
        return previous == null || previous.isLoggable(record);
      }
      String message = record.getMessage();
      if (BATCH_SPAN_PROCESSOR.equals(record.getLoggerName()) && DroppedSpans.recordFromSdkMessage(message)) {
        return false;
      }
      AgentLog.debug(
          "SDK "
              + record.getLevel()
              + " "
              + message
              + (record.getThrown() == null ? "" : ": " + ExportHealth.describe(record.getThrown())));
      return false;
    }

    /** The first io.opentelemetry frame above java.util.logging is the SDK class that logs. */
    private boolean loggedByAgentCopy() {
      return STACK.walk(
          frames ->
              frames
                  .map(StackWalker.StackFrame::getDeclaringClass)
                  .filter(type -> type.getName().startsWith("io.opentelemetry."))
                  .findFirst()
                  .map(type -> type.getClassLoader() == agentLoader)
                  .orElse(false));
    }
  }
}
