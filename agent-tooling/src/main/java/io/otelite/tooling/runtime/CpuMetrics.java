package io.otelite.tooling.runtime;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** {@code jvm.cpu.time}, {@code jvm.cpu.count} and {@code jvm.cpu.recent_utilization}. */
final class CpuMetrics {
  private static final double NANOS_PER_SECOND = 1e9;

  private CpuMetrics() {}

  static void register(Meter meter) {
    meter
        .upDownCounterBuilder("jvm.cpu.count")
        .setDescription("Number of processors available to the Java virtual machine.")
        .setUnit("{cpu}")
        .buildWithCallback(m -> m.record(Runtime.getRuntime().availableProcessors()));

    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean)) {
      return; // a JVM without the com.sun.management extension: no process CPU figures
    }
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) os;
    meter
        .counterBuilder("jvm.cpu.time")
        .ofDoubles()
        .setDescription("CPU time used by the process as reported by the JVM.")
        .setUnit("s")
        .buildWithCallback(
            m -> {
              long nanos = process.getProcessCpuTime();
              if (nanos >= 0) {
                m.record(nanos / NANOS_PER_SECOND);
              }
            });
    meter
        .gaugeBuilder("jvm.cpu.recent_utilization")
        .setDescription("Recent CPU utilization for the process as reported by the JVM.")
        .setUnit("1")
        .buildWithCallback(
            m -> {
              double load = process.getProcessCpuLoad();
              if (load >= 0) { // negative: not available yet
                m.record(load);
              }
            });
  }
}
