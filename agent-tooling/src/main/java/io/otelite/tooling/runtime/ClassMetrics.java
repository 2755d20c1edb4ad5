package io.otelite.tooling.runtime;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code jvm.class.loaded}, {@code jvm.class.unloaded} (since start) and {@code jvm.class.count}
 * (now).
 */
final class ClassMetrics {
  private ClassMetrics() {}

  static void register(Meter meter) {
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    meter
        .counterBuilder("jvm.class.loaded")
        .setDescription("Number of classes loaded since JVM start.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getTotalLoadedClassCount()));
    meter
        .counterBuilder("jvm.class.unloaded")
        .setDescription("Number of classes unloaded since JVM start.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getUnloadedClassCount()));
    meter
        .upDownCounterBuilder("jvm.class.count")
        .setDescription("Number of classes currently loaded.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getLoadedClassCount()));
  }
}
