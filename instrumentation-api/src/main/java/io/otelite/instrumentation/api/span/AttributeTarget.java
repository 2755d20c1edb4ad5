package io.otelite.instrumentation.api.span;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * Where an instrumenter writes a span's attributes: its builder, before the sampling decision, or
 * the started span, after it (see {@link SamplerTraits}). One method writes them for both.
 */
public abstract class AttributeTarget {
  private AttributeTarget() {}

  public static AttributeTarget of(SpanBuilder builder) {
    return new ToBuilder(builder);
  }

  public static AttributeTarget of(Span span) {
    return new ToSpan(span);
  }

  public abstract <T> void put(AttributeKey<T> key, T value);

  public abstract void putAll(Attributes attributes);

  public final void putIfPresent(AttributeKey<String> key, String value) {
    if (value != null) {
      put(key, value);
    }
  }

  private static final class ToBuilder extends AttributeTarget {
    private final SpanBuilder builder;

    ToBuilder(SpanBuilder builder) {
      this.builder = builder;
    }

    @Override
    public <T> void put(AttributeKey<T> key, T value) {
      builder.setAttribute(key, value);
    }

    @Override
    public void putAll(Attributes attributes) {
      builder.setAllAttributes(attributes);
    }
  }

  private static final class ToSpan extends AttributeTarget {
    private final Span span;

    ToSpan(Span span) {
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
}
