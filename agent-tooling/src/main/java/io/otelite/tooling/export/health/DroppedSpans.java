package io.otelite.tooling.export.health;

import io.opentelemetry.api.metrics.Meter;
import io.otelite.instrumentation.api.AgentLog;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spans the batch span processor dropped because its queue was full (a collector slower than the
 * application): counted in {@code otelite.exporter.dropped_spans} and said in the log, never
 * silent.
 *
 * <p>SDK 1.63 exposes the count only in the line its batch span processor logs before each export
 * that follows drops ("BatchSpanProcessor dropped 12 span(s) since the last export because the
 * queue is full (maxQueueSize=2048)"); {@code SdkLogger} hands that line here instead of to stderr.
 */
public final class DroppedSpans {
  public static final String METRIC = "otelite.exporter.dropped_spans";
  private static final String SDK_PREFIX = "BatchSpanProcessor dropped ";
  private static final AtomicLong TOTAL = new AtomicLong();
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private DroppedSpans() {}

  /** Registers the counter on the agent's meter; it reports the total since the agent started. */
  public static void registerMetric(Meter meter) {
    meter
        .counterBuilder(METRIC)
        .setUnit("{span}")
        .setDescription(
            "Spans dropped before export because the span queue (otel.bsp.max.queue.size) was full")
        .buildWithCallback(measurement -> measurement.record(TOTAL.get()));
  }

  /**
   * True when {@code message} is the SDK's drop report (then counted), false for any other line.
   */
  public static boolean recordFromSdkMessage(String message) {
    if (message == null || !message.startsWith(SDK_PREFIX)) {
      return false;
    }
    int end = message.indexOf(' ', SDK_PREFIX.length());
    long dropped;
    try {
      dropped =
          Long.parseLong(message.substring(SDK_PREFIX.length(), end < 0 ? message.length() : end));
    } catch (NumberFormatException e) {
      return false;
    }
    record(dropped);
    return true;
  }

  static void record(long dropped) {
    long total = TOTAL.addAndGet(dropped);
    String message =
        "spans are dropped because the span queue is full (the collector is slower than the application;"
            + " raise otel.bsp.max.queue.size or check the collector); counted in "
            + METRIC;
    if (WARNED.compareAndSet(false, true)) {
      AgentLog.warn(message + " (each drop is in the debug log, otel.javaagent.debug=true)");
    }
    AgentLog.debug(
        "dropped " + dropped + " spans because the span queue is full, " + total + " in all");
  }

  public static long total() {
    return TOTAL.get();
  }
}
