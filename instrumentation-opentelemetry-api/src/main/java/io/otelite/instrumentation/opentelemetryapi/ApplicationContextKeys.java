package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;

/**
 * The application API's private keys for the current span and baggage. Learned without reflection:
 * the API stores a span or baggage in a context with {@code context.with(itsKey, value)}, so a
 * context that records the key it is given learns it.
 */
final class ApplicationContextKeys {
  static final ContextKey<Span> SPAN = spanKey();
  static final ContextKey<Baggage> BAGGAGE = baggageKey();

  private ApplicationContextKeys() {}

  @SuppressWarnings("unchecked")
  private static ContextKey<Span> spanKey() {
    KeyRecorder recorder = new KeyRecorder();
    Span.getInvalid().storeInContext(recorder);
    return (ContextKey<Span>) recorder.key;
  }

  @SuppressWarnings("unchecked")
  private static ContextKey<Baggage> baggageKey() {
    KeyRecorder recorder = new KeyRecorder();
    Baggage.empty().storeInContext(recorder);
    return (ContextKey<Baggage>) recorder.key;
  }

  private static final class KeyRecorder implements Context {
    private ContextKey<?> key;

    @Override
    public <V> V get(ContextKey<V> key) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> key, V value) {
      this.key = key;
      return this;
    }
  }
}
