package io.otelite.tooling.propagation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code tracecontext} propagator ({@code traceparent} and {@code tracestate}) as the current
 * W3C Trace Context specification says, in place of the OpenTelemetry API's, which reads only the
 * first of several header fields (so a request with two {@code traceparent} fields continues one of
 * them, and later {@code tracestate} fields are lost) and decodes {@code tracestate} with an older
 * key grammar (see {@link W3cTraceState}).
 *
 * <p>Reads every field of a name through {@link TextMapGetter#getAll}: two or more {@code
 * traceparent} fields are no parent (the caller's trace is ambiguous, a new one starts), several
 * {@code tracestate} fields are one list. Writes one {@code traceparent} of version {@code 00} and
 * one {@code tracestate}, as received when the span did not change it.
 */
public final class TraceContextPropagator implements TextMapPropagator {
  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";
  private static final List<String> FIELDS = List.of(TRACEPARENT, TRACESTATE);
  private static final TraceContextPropagator INSTANCE = new TraceContextPropagator();

  private TraceContextPropagator() {}

  public static TraceContextPropagator getInstance() {
    return INSTANCE;
  }

  /**
   * For autoconfigure's propagator customizer: this propagator where {@code otel.propagators} names
   * {@code tracecontext} (which autoconfigure maps to the API's propagator itself, before any
   * {@code ConfigurablePropagatorProvider}), every other one as configured.
   */
  public static TextMapPropagator inPlaceOfTheApis(
      TextMapPropagator configured, ConfigProperties config) {
    return configured == W3CTraceContextPropagator.getInstance() ? INSTANCE : configured;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    if (!spanContext.isValid()) {
      return;
    }
    setter.set(carrier, TRACEPARENT, Traceparent.format(spanContext));
    TraceState traceState = spanContext.getTraceState();
    if (!traceState.isEmpty()) {
      setter.set(carrier, TRACESTATE, W3cTraceState.encode(traceState));
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      return Context.root();
    }
    if (getter == null) {
      return context;
    }
    SpanContext parent = parent(carrier, getter);
    return parent == null ? context : context.with(Span.wrap(parent));
  }

  /** The caller's span, or {@code null} when the carrier holds none or not exactly one valid. */
  private static <C> SpanContext parent(C carrier, TextMapGetter<C> getter) {
    Iterator<String> traceparents = getter.getAll(carrier, TRACEPARENT);
    if (traceparents == null || !traceparents.hasNext()) {
      return null;
    }
    String traceparent = traceparents.next();
    if (traceparent == null || traceparents.hasNext()) {
      return null;
    }
    int start = OptionalWhitespace.skipForward(traceparent, 0, traceparent.length());
    int end = OptionalWhitespace.skipBackward(traceparent, start, traceparent.length());
    int flags = Traceparent.flags(traceparent, start, end);
    if (flags < 0) {
      return null;
    }
    return SpanContext.createFromRemoteParent(
        Traceparent.traceId(traceparent, start),
        Traceparent.spanId(traceparent, start),
        TraceFlags.fromByte((byte) flags),
        W3cTraceState.parse(getter.getAll(carrier, TRACESTATE)));
  }

  @Override
  public String toString() {
    return "TraceContextPropagator{W3C Trace Context level 2}";
  }
}
