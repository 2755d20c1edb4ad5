package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
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
    if (!sdkTracer.isEnabled() || pipeline.hasBeenShutdown()) {
      return sdkTracer.spanBuilder(spanName);
    }
    if (spanName == null || spanName.trim().isEmpty()) {
      spanName = FALLBACK_SPAN_NAME;
    }
    return new AgentSpanBuilder(spanName, this);
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
