package io.otelite.tooling.export.disk;

import io.opentelemetry.api.metrics.Meter;
import io.otelite.instrumentation.api.AgentLog;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spans the disk buffer could not keep: the directory was at its size bound, a write failed, or the
 * collector refused a stored batch as invalid data (a damaged file is deleted with a line of its
 * own). Counted in {@code otelite.exporter.disk_buffer.dropped_spans} and said in the log (one WARN
 * line the first time, debug lines after), like the span queue's drops.
 */
public final class DiskBufferDrops {
  public static final String METRIC = "otelite.exporter.disk_buffer.dropped_spans";
  private static final AtomicLong TOTAL = new AtomicLong();
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private DiskBufferDrops() {}

  /** Registers the counter on the agent's meter; it reports the total since the agent started. */
  public static void registerMetric(Meter meter) {
    meter
        .counterBuilder(METRIC)
        .setUnit("{span}")
        .setDescription(
            "Spans the disk buffer dropped: its directory was full (otel.javaagent.disk-buffering.max-size),"
                + " a write failed, or the collector refused them as invalid")
        .buildWithCallback(measurement -> measurement.record(TOTAL.get()));
  }

  static void directoryFull(int spans, Path directory) {
    record(
        spans,
        "the disk buffer "
            + directory
            + " is full (otel.javaagent.disk-buffering.max-size); new spans are dropped"
            + " until the collector takes the stored ones");
  }

  static void writeFailed(int spans, Exception e) {
    record(spans, "the disk buffer cannot store spans (" + e + "); they are dropped");
  }

  /**
   * The collector answered that the data itself is invalid: sending it again would not change that.
   */
  static void refusedByCollector(int spans) {
    record(
        spans,
        "the collector refused a stored batch as invalid data; it is deleted instead of sent again");
  }

  /** A damaged or foreign file: how many spans it held is unknown, it counts as none. */
  static void unreadable(Path batch, Exception e) {
    AgentLog.warn(
        "the disk buffer's " + batch.getFileName() + " cannot be read (" + e + "); it is deleted");
  }

  private static void record(int spans, String reason) {
    long total = TOTAL.addAndGet(spans);
    if (WARNED.compareAndSet(false, true)) {
      AgentLog.warn(
          reason
              + "; counted in "
              + METRIC
              + " (each drop is in the debug log, otel.javaagent.debug=true)");
    }
    AgentLog.debug("disk buffer dropped " + spans + " spans, " + total + " in all: " + reason);
  }

  static long total() {
    return TOTAL.get();
  }
}
