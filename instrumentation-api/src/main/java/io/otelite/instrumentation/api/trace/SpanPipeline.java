package io.otelite.instrumentation.api.trace;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.internal.ExceptionAttributeResolver;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Where otelite's spans go and by which rules: the span processors, sampler, limits, clock, ids and
 * resource of the SDK's tracer provider, read once.
 */
final class SpanPipeline {
  private final SdkSpanPipelineAccess sdk;
  private final SpanProcessor processor;
  private final Sampler sampler;
  private final Clock clock;
  private final IdGenerator idGenerator;
  private final boolean idsNeedNoValidation;
  private final Resource resource;
  private final ExceptionAttributeResolver exceptionAttributeResolver;

  SpanPipeline(SdkTracerProvider provider) {
    this.sdk = SdkSpanPipelineAccess.of(provider);
    this.processor = sdk.spanProcessor();
    this.sampler = sdk.sampler();
    this.clock = sdk.clock();
    this.idGenerator = sdk.idGenerator();
    this.idsNeedNoValidation = sdk.idsNeedNoValidation();
    this.resource = sdk.resource();
    this.exceptionAttributeResolver = sdk.exceptionAttributeResolver();
  }

  SpanProcessor processor() {
    return processor;
  }

  Sampler sampler() {
    return sampler;
  }

  /** Read for each span, as the SDK does: its limits may come from a supplier that changes. */
  SpanLimits spanLimits() {
    return sdk.spanLimits();
  }

  Clock clock() {
    return clock;
  }

  IdGenerator idGenerator() {
    return idGenerator;
  }

  boolean idsNeedNoValidation() {
    return idsNeedNoValidation;
  }

  Resource resource() {
    return resource;
  }

  ExceptionAttributeResolver exceptionAttributeResolver() {
    return exceptionAttributeResolver;
  }

  boolean hasBeenShutdown() {
    return sdk.hasBeenShutdown();
  }
}
