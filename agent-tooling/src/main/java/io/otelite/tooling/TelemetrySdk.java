package io.otelite.tooling;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.tooling.config.AgentConfiguration;
import io.otelite.tooling.config.ConfigErrors;
import io.otelite.tooling.export.AgentExport;
import io.otelite.tooling.export.console.ConsoleSpanExporter;
import io.otelite.tooling.export.disk.DiskBufferDrops;
import io.otelite.tooling.export.disk.DiskBuffering;
import io.otelite.tooling.export.health.DroppedSpans;
import io.otelite.tooling.propagation.TraceContextPropagator;
import java.util.concurrent.TimeUnit;

/**
 * Builds the OpenTelemetry SDK from the standard configuration, and stops it when the JVM exits.
 */
public final class TelemetrySdk {
  /**
   * How long JVM exit may wait for the last export; a hung collector never blocks exit for longer.
   */
  public static final String SHUTDOWN_TIMEOUT = "otel.javaagent.shutdown-timeout";

  private static final long SHUTDOWN_GRACE_MILLIS = 200;

  private TelemetrySdk() {}

  /**
   * The configured SDK, or {@code null} when the configuration cannot be used (after one clear line
   * on stderr): the application then runs without the agent's telemetry.
   */
  public static OpenTelemetrySdk build(
      AgentConfiguration configuration, ClassLoader serviceClassLoader) {
    long shutdownTimeoutMillis = shutdownTimeoutMillis(configuration);
    try {
      OpenTelemetrySdk sdk =
          AutoConfiguredOpenTelemetrySdk.builder()
              .setServiceClassLoader(serviceClassLoader)
              .addPropertiesSupplier(configuration::defaults)
              .addPropagatorCustomizer(TraceContextPropagator::inPlaceOfTheApis)
              .addTracerProviderCustomizer(
                  (builder, config) ->
                      configuration.debug()
                          ? builder.addSpanProcessor(
                              SimpleSpanProcessor.create(ConsoleSpanExporter.toStderr()))
                          : builder)
              .addSpanExporterCustomizer(
                  (exporter, config) ->
                      DiskBuffering.wrap(
                          AgentExport.of(exporter),
                          exporter.getClass().getSimpleName(),
                          config,
                          shutdownTimeoutMillis))
              .addMetricExporterCustomizer((exporter, config) -> AgentExport.of(exporter))
              .addLogRecordExporterCustomizer((exporter, config) -> AgentExport.of(exporter))
              .disableShutdownHook()
              .build()
              .getOpenTelemetrySdk();
      Meter agentMeter = AgentVersion.meter(sdk, "io.otelite.agent");
      DroppedSpans.registerMetric(agentMeter);
      DiskBufferDrops.registerMetric(agentMeter);
      registerShutdownHook(sdk, shutdownTimeoutMillis);
      return sdk;
    } catch (ConfigurationException | IllegalArgumentException e) {
      AgentLog.warn(
          ConfigErrors.describe(e) + "; the agent is off, the application runs without it");
      return null;
    }
  }

  /**
   * The hook waits at most the timeout (and a little for the worker to notice it) even when the
   * shutdown itself blocks: the SDK's shutdown runs on a daemon thread of its own, so that a stuck
   * export or a stuck agent thread can never keep the JVM from exiting.
   */
  private static void registerShutdownHook(OpenTelemetrySdk sdk, long timeoutMillis) {
    Thread hook =
        new Thread(
            () -> {
              Thread worker =
                  new Thread(
                      () -> sdk.shutdown().join(timeoutMillis, TimeUnit.MILLISECONDS),
                      "otelite-shutdown-worker");
              worker.setDaemon(true);
              worker.start();
              try {
                worker.join(timeoutMillis + SHUTDOWN_GRACE_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (worker.isAlive()) {
                AgentLog.warn(
                    "the last export did not finish within "
                        + SHUTDOWN_TIMEOUT
                        + " ("
                        + timeoutMillis
                        + " ms); telemetry not sent by then is lost, except spans kept by disk buffering");
              }
            },
            "otelite-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private static long shutdownTimeoutMillis(AgentConfiguration configuration) {
    try {
      java.time.Duration timeout = configuration.properties().getDuration(SHUTDOWN_TIMEOUT);
      return timeout == null ? 10_000 : timeout.toMillis();
    } catch (ConfigurationException e) {
      AgentLog.warn(ConfigErrors.describe(e) + "; using the default, 10s");
      return 10_000;
    }
  }
}
