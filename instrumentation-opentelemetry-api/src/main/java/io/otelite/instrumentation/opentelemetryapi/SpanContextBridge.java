package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.api.trace.TraceStateBuilder;

/**
 * Span contexts (ids, flags, trace state, remoteness) between the application's API and the
 * agent's.
 */
final class SpanContextBridge {
  private SpanContextBridge() {}

  static io.opentelemetry.api.trace.SpanContext toAgent(SpanContext context) {
    if (context == null || !context.isValid()) {
      return io.opentelemetry.api.trace.SpanContext.getInvalid();
    }
    io.opentelemetry.api.trace.TraceFlags flags =
        io.opentelemetry.api.trace.TraceFlags.fromByte(context.getTraceFlags().asByte());
    io.opentelemetry.api.trace.TraceState state = toAgent(context.getTraceState());
    return context.isRemote()
        ? io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : io.opentelemetry.api.trace.SpanContext.create(
            context.getTraceId(), context.getSpanId(), flags, state);
  }

  static SpanContext toApplication(io.opentelemetry.api.trace.SpanContext context) {
    if (!context.isValid()) {
      return SpanContext.getInvalid();
    }
    TraceFlags flags = TraceFlags.fromByte(context.getTraceFlags().asByte());
    TraceState state = toApplication(context.getTraceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : SpanContext.create(context.getTraceId(), context.getSpanId(), flags, state);
  }

  private static io.opentelemetry.api.trace.TraceState toAgent(TraceState state) {
    if (state == null || state.isEmpty()) {
      return io.opentelemetry.api.trace.TraceState.getDefault();
    }
    io.opentelemetry.api.trace.TraceStateBuilder builder =
        io.opentelemetry.api.trace.TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }

  private static TraceState toApplication(io.opentelemetry.api.trace.TraceState state) {
    if (state.isEmpty()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder builder = TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }
}
