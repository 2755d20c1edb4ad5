package io.otelite.tooling.runtime;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.semconv.JvmAttributes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code jvm.memory.used}, {@code .committed}, {@code .limit} and {@code .used_after_last_gc}, per
 * memory pool.
 */
final class MemoryMetrics {
  private MemoryMetrics() {}

  static void register(Meter meter) {
    List<Pool> pools = new ArrayList<>();
    for (MemoryPoolMXBean bean : ManagementFactory.getMemoryPoolMXBeans()) {
      pools.add(new Pool(bean));
    }
    observe(
        meter,
        pools,
        "jvm.memory.used",
        "Measure of memory used.",
        pool -> pool.bean.getUsage(),
        MemoryUsage::getUsed);
    observe(
        meter,
        pools,
        "jvm.memory.committed",
        "Measure of memory committed.",
        pool -> pool.bean.getUsage(),
        MemoryUsage::getCommitted);
    observe(
        meter,
        pools,
        "jvm.memory.limit",
        "Measure of max obtainable memory.",
        pool -> pool.bean.getUsage(),
        MemoryUsage::getMax);
    observe(
        meter,
        pools,
        "jvm.memory.used_after_last_gc",
        "Measure of memory used, as measured after the most recent garbage collection event on this pool.",
        pool -> pool.bean.getCollectionUsage(),
        MemoryUsage::getUsed);
  }

  private static void observe(
      Meter meter,
      List<Pool> pools,
      String name,
      String description,
      Function<Pool, MemoryUsage> usage,
      Function<MemoryUsage, Long> value) {
    meter
        .upDownCounterBuilder(name)
        .setDescription(description)
        .setUnit("By")
        .buildWithCallback(measurement -> record(measurement, pools, usage, value));
  }

  private static void record(
      ObservableLongMeasurement measurement,
      List<Pool> pools,
      Function<Pool, MemoryUsage> usage,
      Function<MemoryUsage, Long> value) {
    for (Pool pool : pools) {
      MemoryUsage current = usage.apply(pool);
      if (current == null) {
        continue; // e.g. no collection usage for pools that no collector manages
      }
      long bytes = value.apply(current);
      if (bytes >= 0) { // -1: undefined (no limit)
        measurement.record(bytes, pool.attributes);
      }
    }
  }

  private static final class Pool {
    final MemoryPoolMXBean bean;
    final Attributes attributes;

    Pool(MemoryPoolMXBean bean) {
      this.bean = bean;
      this.attributes =
          Attributes.of(
              JvmAttributes.JVM_MEMORY_TYPE,
              bean.getType() == MemoryType.HEAP
                  ? JvmAttributes.JvmMemoryTypeValues.HEAP
                  : JvmAttributes.JvmMemoryTypeValues.NON_HEAP,
              JvmAttributes.JVM_MEMORY_POOL_NAME,
              bean.getName());
    }
  }
}
