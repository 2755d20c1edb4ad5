package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.propagation.ContextPropagators;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns: the agent's tracer provider and
 * propagators behind the application's interfaces. Metrics and logs of the application's API stay
 * no-op (the interface's defaults).
 */
final class ApplicationOpenTelemetry implements OpenTelemetry {
  static final ApplicationOpenTelemetry INSTANCE = new ApplicationOpenTelemetry();

  private final TracerProvider tracerProvider =
      new ApplicationTracerProvider(io.opentelemetry.api.GlobalOpenTelemetry.getTracerProvider());
  private final ContextPropagators propagators =
      new ApplicationPropagators(
          io.opentelemetry.api.GlobalOpenTelemetry.getPropagators().getTextMapPropagator());

  private ApplicationOpenTelemetry() {}

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }
}
