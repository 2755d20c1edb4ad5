package io.otelite.tooling;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.InstrumentationConfig;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.trace.AgentTracing;
import io.otelite.tooling.config.AgentConfiguration;
import io.otelite.tooling.extension.ExtensionClassLoader;
import io.otelite.tooling.instrumentation.InstrumentationInstaller;
import io.otelite.tooling.runtime.RuntimeMetrics;
import io.otelite.tooling.sampling.SdkSamplerTraits;
import io.otelite.tooling.startup.AfterApplicationLogging;
import io.otelite.tooling.startup.EagerInitialization;
import java.lang.instrument.Instrumentation;

/**
 * Starts the agent inside its isolated class loader: configuration, SDK, then the instrumentation.
 */
public final class AgentInstaller {
  private AgentInstaller() {}

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  /** Called reflectively by {@code io.otelite.bootstrap.AgentStarter}. */
  public static void install(
      Instrumentation instrumentation, ClassLoader agentLoader, boolean attached) {
    long start = System.nanoTime();
    AgentConfiguration configuration = AgentConfiguration.load(agentLoader);
    if (!configuration.agentEnabled()) {
      AgentLog.info(
          "disabled by " + AgentConfiguration.ENABLED + "=false; nothing is instrumented");
      return;
    }
    AgentLog.setDebug(configuration.debug());
    // before anything that may be held back (the SDK's Prometheus server, runtime metrics) is
    // created
    AfterApplicationLogging.decide(instrumentation);
    // before the SDK starts its threads and before any advice can run
    EagerInitialization.contextStorage();
    long configured = System.nanoTime();
    // the agent's services plus the user's extensions (the agent loader itself when there are none)
    ClassLoader serviceLoader =
        ExtensionClassLoader.create(configuration.properties(), agentLoader);
    OpenTelemetrySdk sdk = TelemetrySdk.build(configuration, serviceLoader);
    if (sdk == null) {
      return;
    }
    EagerInitialization.propagators(sdk.getPropagators());
    GlobalOpenTelemetry.set(sdk);
    useAgentSpans(sdk);
    InstrumentationConfig.set(configuration.properties());
    // before any instrumenter is made: they read it once
    SamplerTraits.configure(SdkSamplerTraits.of(sdk.getSdkTracerProvider().getSampler()));
    RuntimeMetrics.install(sdk, configuration.properties());
    long sdkBuilt = System.nanoTime();
    InstrumentationInstaller.forAgentJar(instrumentation, serviceLoader)
        .install(configuration.properties(), attached);
    long end = System.nanoTime();
    AgentLog.debug(
        "started in "
            + millis(start, end)
            + " ms (configuration "
            + millis(start, configured)
            + " ms, SDK "
            + millis(configured, sdkBuilt)
            + " ms, instrumentation "
            + millis(sdkBuilt, end)
            + " ms)");
  }

  /**
   * The instrumenters' spans are otelite's own, through the SDK's pipeline ({@link AgentTracing});
   * should this SDK keep its pipeline where they cannot read it, they are the SDK's.
   */
  private static void useAgentSpans(OpenTelemetrySdk sdk) {
    try {
      AgentTracing.use(sdk);
    } catch (IllegalStateException | LinkageError e) {
      AgentLog.warn("the instrumentation's spans are the SDK's own: " + e);
    }
  }
}
