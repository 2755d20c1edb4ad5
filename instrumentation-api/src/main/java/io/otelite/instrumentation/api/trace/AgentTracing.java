package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * The tracers of otelite's instrumenters. For the SDK the agent (or a test) {@linkplain #use
 * installed}, they make {@link AgentSpan}s, which go through that SDK's span processors by its
 * sampler and limits with fewer objects per span than the SDK's own spans; for any other {@link
 * OpenTelemetry}, they are its own tracers. The application's own spans, made through the
 * OpenTelemetry API, stay the SDK's.
 */
public final class AgentTracing {
  private static volatile Installed installed;

  private AgentTracing() {}

  /** From now on, tracers for {@code sdk} make otelite's spans. */
  public static void use(OpenTelemetrySdk sdk) {
    SdkTracerProvider provider = sdk.getSdkTracerProvider();
    installed =
        new Installed(sdk.getTracerProvider(), provider, SdkSpanPipelineAccess.of(provider));
  }

  /** The tracer of an instrumentation scope; {@code version} may be {@code null}. */
  public static Tracer tracer(OpenTelemetry openTelemetry, String scope, String version) {
    Installed current = installed;
    boolean agentSpans = current != null && openTelemetry.getTracerProvider() == current.api;
    TracerBuilder builder =
        agentSpans ? current.sdk.tracerBuilder(scope) : openTelemetry.tracerBuilder(scope);
    if (version != null) {
      builder.setInstrumentationVersion(version);
    }
    Tracer tracer = builder.build();
    return agentSpans ? new AgentTracer(tracer, current.pipeline) : tracer;
  }

  private static final class Installed {
    /** What {@link OpenTelemetry#getTracerProvider()} returns for the installed SDK. */
    final TracerProvider api;

    final SdkTracerProvider sdk;
    final SdkSpanPipelineAccess pipeline;

    Installed(TracerProvider api, SdkTracerProvider sdk, SdkSpanPipelineAccess pipeline) {
      this.api = api;
      this.sdk = sdk;
      this.pipeline = pipeline;
    }
  }
}
