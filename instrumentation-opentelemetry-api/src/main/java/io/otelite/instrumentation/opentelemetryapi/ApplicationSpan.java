package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/**
 * An agent span behind the application's interface: a span the application started through the
 * agent's SDK, or the agent's current span as {@code Span.current()} shows it to the application.
 * Equal to every other view of the same agent span.
 */
final class ApplicationSpan implements Span {
  private final io.opentelemetry.api.trace.Span agentSpan;
  private SpanContext spanContext; // immutable once the span exists: converted once, a benign race

  ApplicationSpan(io.opentelemetry.api.trace.Span agentSpan) {
    this.agentSpan = agentSpan;
  }

  io.opentelemetry.api.trace.Span agentSpan() {
    return agentSpan;
  }

  @Override
  public Span setAttribute(String key, String value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridge.toAgent(key);
    if (agentKey != null) {
      agentSpan.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public Span setAllAttributes(Attributes attributes) {
    agentSpan.setAllAttributes(AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    agentSpan.addEvent(name, AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    agentSpan.addEvent(name, AttributesBridge.toAgent(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span addLink(SpanContext spanContext) {
    agentSpan.addLink(SpanContextBridge.toAgent(spanContext));
    return this;
  }

  @Override
  public Span addLink(SpanContext spanContext, Attributes attributes) {
    agentSpan.addLink(SpanContextBridge.toAgent(spanContext), AttributesBridge.toAgent(attributes));
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    agentSpan.setStatus(StatusCodes.toAgent(statusCode), description);
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    agentSpan.recordException(exception, AttributesBridge.toAgent(additionalAttributes));
    return this;
  }

  @Override
  public Span updateName(String name) {
    agentSpan.updateName(name);
    return this;
  }

  @Override
  public void end() {
    agentSpan.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    agentSpan.end(timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext converted = spanContext;
    if (converted == null) {
      converted = SpanContextBridge.toApplication(agentSpan.getSpanContext());
      spanContext = converted;
    }
    return converted;
  }

  @Override
  public boolean isRecording() {
    return agentSpan.isRecording();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationSpan
        && ((ApplicationSpan) other).agentSpan.equals(agentSpan);
  }

  @Override
  public int hashCode() {
    return agentSpan.hashCode();
  }

  @Override
  public String toString() {
    return "ApplicationSpan{" + agentSpan + '}';
  }
}
