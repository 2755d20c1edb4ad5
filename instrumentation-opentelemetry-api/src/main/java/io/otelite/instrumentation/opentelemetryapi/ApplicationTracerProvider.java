package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;
import application.io.opentelemetry.api.trace.TracerProvider;

/** The agent's tracer provider behind the application's interface. */
final class ApplicationTracerProvider implements TracerProvider {
  private final io.opentelemetry.api.trace.TracerProvider agentProvider;

  ApplicationTracerProvider(io.opentelemetry.api.trace.TracerProvider agentProvider) {
    this.agentProvider = agentProvider;
  }

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new ApplicationTracer(agentProvider.get(instrumentationScopeName));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new ApplicationTracer(
        agentProvider.get(instrumentationScopeName, instrumentationScopeVersion));
  }

  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return new ApplicationTracerBuilder(agentProvider.tracerBuilder(instrumentationScopeName));
  }
}
