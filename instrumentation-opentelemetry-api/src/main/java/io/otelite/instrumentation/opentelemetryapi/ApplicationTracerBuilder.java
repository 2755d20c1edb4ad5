package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;

/** The agent's tracer builder behind the application's interface. */
final class ApplicationTracerBuilder implements TracerBuilder {
  private final io.opentelemetry.api.trace.TracerBuilder agentBuilder;

  ApplicationTracerBuilder(io.opentelemetry.api.trace.TracerBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    agentBuilder.setSchemaUrl(schemaUrl);
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
    agentBuilder.setInstrumentationVersion(instrumentationScopeVersion);
    return this;
  }

  @Override
  public Tracer build() {
    return new ApplicationTracer(agentBuilder.build());
  }
}
