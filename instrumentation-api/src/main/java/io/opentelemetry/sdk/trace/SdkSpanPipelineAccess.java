package io.opentelemetry.sdk.trace;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.internal.ExceptionAttributeResolver;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.lang.reflect.Field;

/**
 * Reads what a built {@link SdkTracerProvider} was configured with (its span processors, sampler,
 * limits, clock, id generator, resource), which the SDK keeps package-private, for otelite's own
 * spans ({@code io.otelite.instrumentation.api.trace}): they go through the very pipeline the SDK's
 * spans would, whoever configured it (autoconfigure, an extension's customizer, a test). Lives in
 * the SDK's package for that access. Reflection only at start-up; each getter after that is the
 * SDK's own field read.
 */
public final class SdkSpanPipelineAccess {
  private final TracerSharedState state;

  private SdkSpanPipelineAccess(TracerSharedState state) {
    this.state = state;
  }

  /**
   * The provider's pipeline.
   *
   * @throws IllegalStateException when this SDK keeps it elsewhere (another SDK version)
   */
  public static SdkSpanPipelineAccess of(SdkTracerProvider provider) {
    try {
      Field field = SdkTracerProvider.class.getDeclaredField("sharedState");
      field.setAccessible(true);
      return new SdkSpanPipelineAccess((TracerSharedState) field.get(provider));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("the SDK's tracer provider has no readable shared state", e);
    }
  }

  /** The scope of a tracer that {@link SdkTracerProvider} built. */
  public static InstrumentationScopeInfo scopeOf(Tracer sdkTracer) {
    return ((SdkTracer) sdkTracer).getInstrumentationScopeInfo();
  }

  public SpanProcessor processor() {
    return state.getActiveSpanProcessor();
  }

  public Sampler sampler() {
    return state.getSampler();
  }

  /** Read for each span, as the SDK does: its limits may come from a supplier that changes. */
  public SpanLimits spanLimits() {
    return state.getSpanLimits();
  }

  public Clock clock() {
    return state.getClock();
  }

  public IdGenerator idGenerator() {
    return state.getIdGenerator();
  }

  /** Whether span and trace ids from {@link #idGenerator()} are valid without checking each. */
  public boolean idsNeedNoValidation() {
    return state.isIdGeneratorSafeToSkipIdValidation();
  }

  public Resource resource() {
    return state.getResource();
  }

  public ExceptionAttributeResolver exceptionAttributeResolver() {
    return state.getExceptionAttributesResolver();
  }

  public boolean hasBeenShutdown() {
    return state.hasBeenShutdown();
  }
}
