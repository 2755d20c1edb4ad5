package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * The agent's span builder behind the application's interface. Without {@code setParent} the parent
 * is the agent's current context, which is the application's too.
 */
final class ApplicationSpanBuilder implements SpanBuilder {
  private final io.opentelemetry.api.trace.SpanBuilder agentBuilder;

  ApplicationSpanBuilder(io.opentelemetry.api.trace.SpanBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    agentBuilder.setParent(ContextBridge.toAgent(context));
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    agentBuilder.setNoParent();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    agentBuilder.addLink(SpanContextBridge.toAgent(spanContext));
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    agentBuilder.addLink(
        SpanContextBridge.toAgent(spanContext), AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridge.toAgent(key);
    if (agentKey != null) {
      agentBuilder.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public SpanBuilder setAllAttributes(Attributes attributes) {
    agentBuilder.setAllAttributes(AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    agentBuilder.setSpanKind(SpanKinds.toAgent(spanKind));
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    agentBuilder.setStartTimestamp(startTimestamp, unit);
    return this;
  }

  @Override
  public Span startSpan() {
    return new ApplicationSpan(agentBuilder.startSpan());
  }
}
