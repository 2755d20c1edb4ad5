package io.otelite.instrumentation.api.span;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A sampler, as an extension might bring, that keeps the attributes each span had when it decided,
 * and leaves the decision to another.
 */
public final class AttributeRecordingSampler implements Sampler {
  private final List<Attributes> seen = new ArrayList<>();
  private final Sampler decides;

  public AttributeRecordingSampler(Sampler decides) {
    this.decides = decides;
  }

  /** The attributes of every span asked about, in order. */
  public List<Attributes> seen() {
    return seen;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    seen.add(attributes);
    return decides.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "AttributeRecording{" + decides.getDescription() + "}";
  }
}
