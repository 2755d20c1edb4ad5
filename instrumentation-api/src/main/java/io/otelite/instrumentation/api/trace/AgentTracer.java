package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;

/**
 * The tracer of one of otelite's instrumentation scopes: builds {@link AgentSpan}s while the SDK's
 * tracer of the same scope is enabled and the SDK is running, and whatever the SDK's tracer builds
 * (no-op spans) otherwise.
 */
final class AgentTracer implements Tracer {
  private static final String FALLBACK_SPAN_NAME = "<unspecified span name>";

  private final Tracer sdkTracer;
  private final InstrumentationScopeInfo scope;
  private final SdkSpanPipelineAccess pipeline;
  private final TypicalAttributeCount attributeCount = new TypicalAttributeCount();

  AgentTracer(Tracer sdkTracer, SdkSpanPipelineAccess pipeline) {
    this.sdkTracer = sdkTracer;
    this.scope = SdkSpanPipelineAccess.scopeOf(sdkTracer);
    this.pipeline = pipeline;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    if (!makesAgentSpans()) {
      return sdkTracer.spanBuilder(spanName);
    }
    return new AgentSpanBuilder(validName(spanName), this);
  }

  /**
   * What a builder given these values returns from {@code startSpan()}, without the builder object;
   * {@code attributes} (may be {@code null}) become the span's.
   */
  Span startSpan(String spanName, SpanKind kind, Context parent, SpanAttributes attributes) {
    if (!makesAgentSpans()) {
      return AgentTracing.startWithBuilder(sdkTracer, spanName, kind, parent, attributes);
    }
    return AgentSpanBuilder.start(
        this, pipeline.spanLimits(), parent, validName(spanName), kind, attributes, null, 0, 0);
  }

  private boolean makesAgentSpans() {
    return sdkTracer.isEnabled() && !pipeline.hasBeenShutdown();
  }

  private static String validName(String spanName) {
    return spanName == null || spanName.trim().isEmpty() ? FALLBACK_SPAN_NAME : spanName;
  }

  /** An empty attribute array for one of this tracer's spans. */
  SpanAttributes newAttributes() {
    return SpanAttributes.withinLimits(pipeline.spanLimits(), attributeCount.get());
  }

  InstrumentationScopeInfo scope() {
    return scope;
  }

  SdkSpanPipelineAccess pipeline() {
    return pipeline;
  }

  TypicalAttributeCount attributeCount() {
    return attributeCount;
  }

  @Override
  public boolean isEnabled() {
    return sdkTracer.isEnabled();
  }
}
