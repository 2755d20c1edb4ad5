package io.otelite.instrumentation.api.span;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;

/**
 * Where an instrumenter writes a span's attributes: the attributes it starts the span with, before
 * the sampling decision ({@code AgentTracing.startAttributes}), or the started span, after it (see
 * {@link SamplerTraits}). One method writes them for both. otelite's own span and its attribute
 * array are targets themselves, so only the SDK's span (a fallback) is wrapped: no object per span.
 */
public interface AttributeTarget {
  static AttributeTarget of(Span span) {
    return span instanceof AttributeTarget ? (AttributeTarget) span : new SpanAttributeTarget(span);
  }

  <T> void put(AttributeKey<T> key, T value);

  void putAll(Attributes attributes);

  default void putIfPresent(AttributeKey<String> key, String value) {
    if (value != null) {
      put(key, value);
    }
  }
}

final class SpanAttributeTarget implements AttributeTarget {
  private final Span span;

  SpanAttributeTarget(Span span) {
    this.span = span;
  }

  @Override
  public <T> void put(AttributeKey<T> key, T value) {
    span.setAttribute(key, value);
  }

  @Override
  public void putAll(Attributes attributes) {
    span.setAllAttributes(attributes);
  }
}
