package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.internal.ImmutableSpanContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.internal.AttributeUtil;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds an {@link AgentSpan} by the SDK's span builder's rules: the parent from the given (or
 * current) context, a new trace for a span without a valid parent, the sampler's decision on the
 * attributes set so far, a non-recording span for a dropped one.
 */
final class AgentSpanBuilder implements SpanBuilder {
  private static final Span RANDOM_TRACE_ID_PRIMORDIAL_SPAN =
      Span.wrap(
          SpanContext.create(
              TraceId.getInvalid(),
              SpanId.getInvalid(),
              TraceFlags.builder().setRandomTraceId(true).build(),
              TraceState.getDefault()));
  private static final Context ROOT_CONTEXT_WITH_RANDOM_TRACE_ID =
      Context.root().with(RANDOM_TRACE_ID_PRIMORDIAL_SPAN);

  private final String name;
  private final AgentTracer tracer;
  private final SpanLimits limits;
  private Context parent;
  private SpanKind kind = SpanKind.INTERNAL;
  private SpanAttributes attributes;
  private List<LinkData> links;
  private int totalLinks;
  private long startEpochNanos;

  AgentSpanBuilder(String name, AgentTracer tracer) {
    this.name = name;
    this.tracer = tracer;
    this.limits = tracer.pipeline().spanLimits();
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      parent = context;
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    parent = Context.root();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes linkAttributes) {
    if (spanContext == null || !spanContext.isValid()) {
      return this;
    }
    if (linkAttributes == null) {
      linkAttributes = Attributes.empty();
    }
    totalLinks++;
    if (links == null) {
      links = new ArrayList<>();
    }
    if (links.size() < limits.getMaxNumberOfLinks()) {
      links.add(
          LinkData.create(
              spanContext,
              AttributeUtil.applyAttributesLimit(
                  linkAttributes,
                  limits.getMaxNumberOfAttributesPerLink(),
                  limits.getMaxAttributeValueLength()),
              linkAttributes.size()));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    return setAttribute(AttributeKey.stringKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    return setAttribute(AttributeKey.longKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    return setAttribute(AttributeKey.doubleKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    return setAttribute(AttributeKey.booleanKey(key), value);
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key == null || key.getKey().isEmpty() || value == null) {
      return this;
    }
    attributes().set(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAllAttributes(Attributes attributes) {
    if (attributes != null && !attributes.isEmpty()) {
      attributes().putAll(attributes);
    }
    return this;
  }

  private SpanAttributes attributes() {
    if (attributes == null) {
      attributes = tracer.newAttributes();
    }
    return attributes;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      kind = spanKind;
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    if (startTimestamp >= 0 && unit != null) {
      startEpochNanos = unit.toNanos(startTimestamp);
    }
    return this;
  }

  @Override
  public Span startSpan() {
    SpanAttributes startAttributes = attributes;
    List<LinkData> startLinks = links;
    // later calls on this builder must not reach the started span
    attributes = null;
    links = null;
    return start(
        tracer,
        limits,
        parent == null ? Context.current() : parent,
        name,
        kind,
        startAttributes,
        startLinks,
        totalLinks,
        startEpochNanos);
  }

  /**
   * What {@link #startSpan} does, for a builder's values or, from {@link AgentTracer#startSpan},
   * without a builder: {@code limits} as read when the builder was made (as the SDK's builder reads
   * them); {@code attributes} and {@code links} may be {@code null}, and become the span's.
   */
  static Span start(
      AgentTracer tracer,
      SpanLimits limits,
      Context parentContext,
      String name,
      SpanKind kind,
      SpanAttributes attributes,
      List<LinkData> links,
      int totalLinks,
      long startEpochNanos) {
    SdkSpanPipelineAccess pipeline = tracer.pipeline();
    Span parentSpan = Span.fromContext(parentContext);
    SpanContext parentSpanContext = parentSpan.getSpanContext();
    IdGenerator ids = pipeline.idGenerator();
    String spanId = ids.generateSpanId();
    String traceId;
    boolean randomTraceId;
    Context samplerContext = parentContext;
    if (parentSpanContext.isValid()) {
      traceId = parentSpanContext.getTraceId();
      randomTraceId = parentSpanContext.getTraceFlags().isTraceIdRandom();
    } else {
      traceId = ids.generateTraceId();
      randomTraceId = ids.generatesRandomTraceIds();
      if (randomTraceId) {
        // tells samplers that read it that the new trace's id is random
        samplerContext =
            parentContext == Context.root()
                ? ROOT_CONTEXT_WITH_RANDOM_TRACE_ID
                : parentContext.with(RANDOM_TRACE_ID_PRIMORDIAL_SPAN);
      }
    }
    SamplingResult sampling =
        pipeline
            .sampler()
            .shouldSample(
                samplerContext,
                traceId,
                name,
                kind,
                attributes == null ? Attributes.empty() : attributes,
                links == null ? Collections.emptyList() : Collections.unmodifiableList(links));
    SamplingDecision decision = sampling.getDecision();
    SpanContext spanContext =
        ImmutableSpanContext.create(
            traceId,
            spanId,
            TraceFlags.builder()
                .setSampled(decision == SamplingDecision.RECORD_AND_SAMPLE)
                .setRandomTraceId(randomTraceId)
                .build(),
            sampling.getUpdatedTraceState(parentSpanContext.getTraceState()),
            /* remote= */ false,
            pipeline.idsNeedNoValidation());
    if (decision == SamplingDecision.DROP) {
      return Span.wrap(spanContext);
    }
    Attributes samplerAttributes = sampling.getAttributes();
    if (!samplerAttributes.isEmpty()) {
      if (attributes == null) {
        attributes = tracer.newAttributes();
      }
      // as the SDK's builder: every key the sampler gives, unfiltered
      samplerAttributes.forEach(attributes::set);
    }
    return AgentSpan.start(
        tracer,
        limits,
        spanContext,
        parentSpan,
        parentContext,
        kind,
        name,
        attributes,
        links,
        totalLinks,
        startEpochNanos);
  }
}
