package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import java.util.Arrays;

/**
 * The values the application keeps in its context under its own keys: immutable, a few entries at
 * most, so a copied array.
 */
final class ApplicationValues implements Context {
  static final ApplicationValues EMPTY = new ApplicationValues(new Object[0]);

  private final Object[] keysAndValues;

  private ApplicationValues(Object[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i] == key) {
        return (V) keysAndValues[i + 1];
      }
    }
    return null;
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i] == key) {
        if (keysAndValues[i + 1] == value) {
          return this;
        }
        Object[] replaced = keysAndValues.clone();
        replaced[i + 1] = value;
        return new ApplicationValues(replaced);
      }
    }
    Object[] added = Arrays.copyOf(keysAndValues, keysAndValues.length + 2);
    added[keysAndValues.length] = key;
    added[keysAndValues.length + 1] = value;
    return new ApplicationValues(added);
  }
}
