package io.otelite.tooling.logging;

import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.OpenTelemetryRelocation;
import io.otelite.tooling.export.health.DroppedSpans;
import io.otelite.tooling.export.health.ExportHealth;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Stands in for {@code java.util.logging.Logger} in every class of the agent jar: the jar's shade
 * step rewrites each reference to {@code java.util.logging.Logger} into this class (agent/pom.xml),
 * so neither the agent's copy of the OpenTelemetry SDK nor its exporters ever reach
 * java.util.logging.
 *
 * <p>Why: java.util.logging belongs to the application. Servlet containers install their own
 * LogManager (Tomcat's juli) and hold its lock while they read their logging configuration; the
 * first {@code Logger.getLogger} of an agent class, made from the static initialiser of, say, the
 * SDK's context storage on a GC-notification thread, then waits for that lock while the application
 * thread waits for the class: start-up hangs. A JUL call from premain would also fix the JVM's
 * LogManager before the application could choose its own.
 *
 * <p>Where the lines go: the SDK's per-batch export failures to the agent's debug log ({@link
 * ExportHealth} says once that export fails), the batch span processor's drop report to {@link
 * DroppedSpans}, the {@code logging-otlp} exporters' OTLP JSON to stderr as it is (that output is
 * what the user asked for), any other warning to stderr with the agent's prefix, everything else to
 * the debug log.
 *
 * <p>In-process tests run the SDK unrelocated, on java.util.logging; this class is then only called
 * directly.
 */
public final class SdkLogger {
  private static final String BATCH_SPAN_PROCESSOR = "sdk.trace.export.BatchSpanProcessor";
  private static final String LOGGING_OTLP_EXPORTERS = "exporter.logging.otlp.";

  /** Classes that log a line per failed batch, relative to the OpenTelemetry root package. */
  private static final Set<String> PER_BATCH_EXPORT_LOGGERS =
      new HashSet<>(
          Arrays.asList(
              "exporter.otlp.internal.HttpExporter",
              "exporter.otlp.internal.GrpcExporter",
              "exporter.internal.http.HttpExporter",
              "exporter.internal.grpc.GrpcExporter",
              "exporter.sender.okhttp.internal.OkHttpHttpSender",
              "exporter.sender.okhttp.internal.OkHttpGrpcSender",
              "exporter.sender.okhttp.internal.RetryInterceptor",
              "exporter.zipkin.ZipkinSpanExporter",
              BATCH_SPAN_PROCESSOR,
              "sdk.trace.export.SimpleSpanProcessor",
              "sdk.logs.export.BatchLogRecordProcessor",
              "sdk.logs.export.SimpleLogRecordProcessor",
              "sdk.metrics.export.PeriodicMetricReader"));

  private enum Route {
    DROPPED_SPANS_OR_DEBUG,
    DEBUG,
    RAW_STDERR,
    AGENT_LOG
  }

  private final String name;
  private final Route route;
  private volatile Level level;

  private SdkLogger(String name) {
    this.name = name;
    this.route = routeOf(name);
  }

  /**
   * As {@code Logger.getLogger}: a logger per call is fine, the SDK keeps its loggers in static
   * fields.
   */
  public static SdkLogger getLogger(String name) {
    return new SdkLogger(name == null ? "" : name);
  }

  public static SdkLogger getLogger(String name, String resourceBundleName) {
    return getLogger(name);
  }

  public static SdkLogger getGlobal() {
    return getLogger("global");
  }

  public static SdkLogger getAnonymousLogger() {
    return getLogger("");
  }

  private static Route routeOf(String name) {
    String relative = relativeToOpenTelemetry(name);
    if (relative == null) {
      return Route.AGENT_LOG;
    }
    if (relative.equals(BATCH_SPAN_PROCESSOR)) {
      return Route.DROPPED_SPANS_OR_DEBUG;
    }
    if (PER_BATCH_EXPORT_LOGGERS.contains(relative)) {
      return Route.DEBUG;
    }
    if (relative.startsWith(LOGGING_OTLP_EXPORTERS)) {
      return Route.RAW_STDERR;
    }
    return Route.AGENT_LOG;
  }

  /**
   * {@code sdk.trace.export.BatchSpanProcessor} for the agent's copy of that SDK class, null for
   * others.
   */
  private static String relativeToOpenTelemetry(String name) {
    String root = OpenTelemetryRelocation.AGENT_PACKAGE_PREFIX;
    return name.startsWith(root) ? name.substring(root.length()) : null;
  }

  public String getName() {
    return name;
  }

  public Level getLevel() {
    return level;
  }

  /**
   * Honoured as a floor: a level set by the agent can silence a logger, never make it louder than
   * below.
   */
  public void setLevel(Level newLevel) {
    level = newLevel;
  }

  /**
   * Warnings and the {@code logging-otlp} output always; finer levels only in debug mode, so that
   * the SDK builds no message nobody reads.
   */
  public boolean isLoggable(Level messageLevel) {
    Level floor = level;
    if (floor != null && messageLevel.intValue() < floor.intValue()) {
      return false;
    }
    if (route == Route.RAW_STDERR && messageLevel.intValue() >= Level.INFO.intValue()) {
      return true;
    }
    return messageLevel.intValue() >= Level.WARNING.intValue() || AgentLog.isDebug();
  }

  public void log(Level messageLevel, String message) {
    log(messageLevel, message, (Throwable) null);
  }

  public void log(Level messageLevel, String message, Throwable thrown) {
    if (!isLoggable(messageLevel)) {
      return;
    }
    switch (route) {
      case DROPPED_SPANS_OR_DEBUG:
        if (!DroppedSpans.recordFromSdkMessage(message)) {
          AgentLog.debug(describe(messageLevel, message, thrown));
        }
        return;
      case DEBUG:
        AgentLog.debug(describe(messageLevel, message, thrown));
        return;
      case RAW_STDERR:
        if (messageLevel.intValue() >= Level.INFO.intValue() && thrown == null) {
          System.err.println(message);
        } else {
          toAgentLog(messageLevel, message, thrown);
        }
        return;
      default:
        toAgentLog(messageLevel, message, thrown);
    }
  }

  public void log(Level messageLevel, String message, Object parameter) {
    log(messageLevel, message, new Object[] {parameter});
  }

  public void log(Level messageLevel, String message, Object[] parameters) {
    if (isLoggable(messageLevel)) {
      log(messageLevel, format(message, parameters), (Throwable) null);
    }
  }

  public void log(Level messageLevel, Supplier<String> message) {
    if (isLoggable(messageLevel)) {
      log(messageLevel, message.get(), (Throwable) null);
    }
  }

  public void log(Level messageLevel, Throwable thrown, Supplier<String> message) {
    if (isLoggable(messageLevel)) {
      log(messageLevel, message.get(), thrown);
    }
  }

  public void severe(String message) {
    log(Level.SEVERE, message);
  }

  public void warning(String message) {
    log(Level.WARNING, message);
  }

  public void info(String message) {
    log(Level.INFO, message);
  }

  public void config(String message) {
    log(Level.CONFIG, message);
  }

  public void fine(String message) {
    log(Level.FINE, message);
  }

  public void finer(String message) {
    log(Level.FINER, message);
  }

  public void finest(String message) {
    log(Level.FINEST, message);
  }

  private void toAgentLog(Level messageLevel, String message, Throwable thrown) {
    String line = describe(messageLevel, message, thrown);
    if (messageLevel.intValue() >= Level.WARNING.intValue()) {
      AgentLog.warn(line);
    } else {
      AgentLog.debug(line);
    }
  }

  private String describe(Level messageLevel, String message, Throwable thrown) {
    int dot = name.lastIndexOf('.');
    return "SDK "
        + messageLevel
        + " "
        + name.substring(dot + 1)
        + ": "
        + message
        + (thrown == null ? "" : " (" + ExportHealth.describe(thrown) + ")");
  }

  private static String format(String message, Object[] parameters) {
    if (message == null
        || parameters == null
        || parameters.length == 0
        || message.indexOf('{') < 0) {
      return message;
    }
    try {
      return MessageFormat.format(message, parameters);
    } catch (IllegalArgumentException e) {
      return message;
    }
  }
}
