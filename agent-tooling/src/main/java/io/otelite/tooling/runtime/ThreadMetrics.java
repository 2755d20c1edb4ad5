package io.otelite.tooling.runtime;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.semconv.JvmAttributes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code jvm.thread.count} by daemon flag and thread state. */
final class ThreadMetrics {
  private ThreadMetrics() {}

  static void register(Meter meter) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    meter
        .upDownCounterBuilder("jvm.thread.count")
        .setDescription("Number of executing platform threads.")
        .setUnit("{thread}")
        .buildWithCallback(
            measurement -> {
              // stack depth 0: state and daemon flag only, no stack walk
              ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds(), 0);
              Map<Attributes, Long> counts = new HashMap<>();
              for (ThreadInfo info : infos) {
                if (info != null) { // null: the thread ended meanwhile
                  counts.merge(attributes(info), 1L, Long::sum);
                }
              }
              counts.forEach((attributes, count) -> measurement.record(count, attributes));
            });
  }

  private static Attributes attributes(ThreadInfo info) {
    return Attributes.of(
        JvmAttributes.JVM_THREAD_DAEMON,
        info.isDaemon(),
        JvmAttributes.JVM_THREAD_STATE,
        info.getThreadState().name().toLowerCase(Locale.ROOT));
  }
}
