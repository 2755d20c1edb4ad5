package io.otelite.tooling.runtime;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.semconv.JvmAttributes;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration}: one histogram record per collection, from the collectors' JMX
 * notifications (the collectors' cumulative counters cannot give a per-collection distribution).
 */
final class GcDurationMetric {
  private static final double MILLIS_PER_SECOND = 1000.0;

  private GcDurationMetric() {}

  static void register(Meter meter) {
    DoubleHistogram duration =
        meter
            .histogramBuilder("jvm.gc.duration")
            .setDescription("Duration of JVM garbage collection actions.")
            .setUnit("s")
            .setExplicitBucketBoundariesAdvice(Arrays.asList(0.01, 0.1, 1.0, 10.0))
            .build();
    NotificationListener listener = (notification, handback) -> record(duration, notification);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        ((NotificationEmitter) collector)
            .addNotificationListener(
                listener,
                n ->
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                        n.getType()),
                null);
      }
    }
  }

  private static void record(DoubleHistogram duration, Notification notification) {
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    duration.record(
        info.getGcInfo().getDuration() / MILLIS_PER_SECOND,
        Attributes.of(
            JvmAttributes.JVM_GC_NAME,
            info.getGcName(),
            JvmAttributes.JVM_GC_ACTION,
            info.getGcAction()));
  }
}
