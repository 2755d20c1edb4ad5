package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.SpanKind;

/** The application's span kind as the agent's. */
final class SpanKinds {
  private SpanKinds() {}

  static io.opentelemetry.api.trace.SpanKind toAgent(SpanKind kind) {
    if (kind == null) {
      return io.opentelemetry.api.trace.SpanKind.INTERNAL;
    }
    switch (kind) {
      case SERVER:
        return io.opentelemetry.api.trace.SpanKind.SERVER;
      case CLIENT:
        return io.opentelemetry.api.trace.SpanKind.CLIENT;
      case PRODUCER:
        return io.opentelemetry.api.trace.SpanKind.PRODUCER;
      case CONSUMER:
        return io.opentelemetry.api.trace.SpanKind.CONSUMER;
      default:
        return io.opentelemetry.api.trace.SpanKind.INTERNAL;
    }
  }
}
