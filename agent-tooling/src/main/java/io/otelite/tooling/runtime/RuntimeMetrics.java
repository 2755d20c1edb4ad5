package io.otelite.tooling.runtime;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.tooling.config.AgentConfiguration;
import io.otelite.tooling.config.ConfigValues;
import io.otelite.tooling.startup.AfterApplicationLogging;

/**
 * The {@code jvm.*} runtime metrics of the stable semantic conventions (memory, GC, threads,
 * classes, CPU), read from the JDK's MXBeans by asynchronous instruments, so they cost nothing
 * between exports.
 */
public final class RuntimeMetrics {
  /** The OpenTelemetry Java agent's switch, with the same name. */
  public static final String ENABLED = "otel.instrumentation.runtime-telemetry.enabled";

  static final String SCOPE = "io.otelite.runtime-telemetry";

  private RuntimeMetrics() {}

  /**
   * Registers the instruments unless switched off (by name, or with every module by
   * default-enabled=false).
   */
  public static void install(OpenTelemetry openTelemetry, ConfigProperties config) {
    boolean byDefault =
        ConfigValues.booleanOrDefault(config, AgentConfiguration.DEFAULT_ENABLED, true);
    if (!ConfigValues.booleanOrDefault(config, ENABLED, byDefault)) {
      AgentLog.debug("runtime metrics are disabled");
      return;
    }
    Meter meter = AgentVersion.meter(openTelemetry, SCOPE);
    // the JDK's management beans may log through java.util.logging: not before the application set
    // it up
    AfterApplicationLogging.run(() -> register(meter));
  }

  private static void register(Meter meter) {
    try {
      MemoryMetrics.register(meter);
      ThreadMetrics.register(meter);
      ClassMetrics.register(meter);
      CpuMetrics.register(meter);
      GcDurationMetric.register(meter);
    } catch (RuntimeException | LinkageError e) {
      // a JVM without some management bean: the metrics registered so far stay, the application
      // runs on
      AgentLog.warn("runtime metrics are incomplete: " + e);
    }
  }
}
