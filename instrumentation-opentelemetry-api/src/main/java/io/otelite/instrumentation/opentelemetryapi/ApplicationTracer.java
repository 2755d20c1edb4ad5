package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.Tracer;

/** The agent's tracer behind the application's interface. */
final class ApplicationTracer implements Tracer {
  private final io.opentelemetry.api.trace.Tracer agentTracer;

  ApplicationTracer(io.opentelemetry.api.trace.Tracer agentTracer) {
    this.agentTracer = agentTracer;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new ApplicationSpanBuilder(agentTracer.spanBuilder(spanName));
  }
}
