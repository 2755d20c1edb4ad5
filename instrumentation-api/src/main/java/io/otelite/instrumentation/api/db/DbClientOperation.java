package io.otelite.instrumentation.api.db;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * One database call in flight: started by {@link DbClientInstrumenter#start}, ended by its {@code
 * end}.
 */
public final class DbClientOperation {
  final Span span;
  final Scope scope;
  final long startNanos;
  final Attributes metricAttributes;

  DbClientOperation(Span span, Scope scope, long startNanos, Attributes metricAttributes) {
    this.span = span;
    this.scope = scope;
    this.startNanos = startNanos;
    this.metricAttributes = metricAttributes;
  }

  public Span span() {
    return span;
  }
}
