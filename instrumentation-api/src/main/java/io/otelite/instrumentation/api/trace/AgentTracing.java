package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.otelite.instrumentation.api.span.AttributeTarget;

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

  /**
   * Where an instrumenter puts the attributes of a span it starts with {@link #startSpan}, before
   * the sampling decision: for otelite's tracers, the span's own attribute array.
   */
  public static AttributeTarget startAttributes(Tracer tracer) {
    return tracer instanceof AgentTracer
        ? ((AgentTracer) tracer).newAttributes()
        : new CollectedAttributes();
  }

  /**
   * Starts a span as {@code tracer.spanBuilder(name).setSpanKind(kind).setParent(parent)} given
   * {@code attributes} would; for otelite's tracers without a builder object. {@code attributes}:
   * from {@link #startAttributes} for the same tracer, or {@code null} for none (an instrumenter
   * that adds them to the started span, after the sampling decision; see {@code SamplerTraits}).
   */
  public static Span startSpan(
      Tracer tracer, String name, SpanKind kind, Context parent, AttributeTarget attributes) {
    if (tracer instanceof AgentTracer
        && (attributes == null || attributes instanceof SpanAttributes)) {
      return ((AgentTracer) tracer).startSpan(name, kind, parent, (SpanAttributes) attributes);
    }
    return startWithBuilder(
        tracer,
        name,
        kind,
        parent,
        attributes instanceof CollectedAttributes
            ? ((CollectedAttributes) attributes).build()
            : null);
  }

  /** The SDK's way, for a tracer that is not otelite's or makes no otelite spans. */
  static Span startWithBuilder(
      Tracer tracer, String name, SpanKind kind, Context parent, Attributes attributes) {
    SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
    if (attributes != null) {
      builder.setAllAttributes(attributes);
    }
    return builder.startSpan();
  }

  /** {@link #startAttributes} for any other tracer. */
  private static final class CollectedAttributes implements AttributeTarget {
    private final AttributesBuilder builder = Attributes.builder();

    @Override
    public <T> void put(AttributeKey<T> key, T value) {
      builder.put(key, value);
    }

    @Override
    public void putAll(Attributes attributes) {
      builder.putAll(attributes);
    }

    Attributes build() {
      return builder.build();
    }
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
