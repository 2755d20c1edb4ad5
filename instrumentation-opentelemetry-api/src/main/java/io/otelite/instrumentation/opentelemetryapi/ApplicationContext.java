package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;

/**
 * The application's view of one agent context: its span and baggage are the agent's (converted on
 * the way), its other keys' values are kept in the agent context as well, so that nothing is lost
 * when the agent's side makes the context current or carries it to another thread.
 */
final class ApplicationContext implements Context {
  private final io.opentelemetry.context.Context agentContext;

  ApplicationContext(io.opentelemetry.context.Context agentContext) {
    this.agentContext = agentContext;
  }

  io.opentelemetry.context.Context agentContext() {
    return agentContext;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == null) {
      return null;
    }
    if ((Object) key == ApplicationContextKeys.SPAN) {
      return (V) ContextBridge.applicationSpan(agentContext);
    }
    if ((Object) key == ApplicationContextKeys.BAGGAGE) {
      return (V) ContextBridge.applicationBaggage(agentContext);
    }
    Context values = agentContext.get(ContextBridge.APPLICATION_VALUES);
    return values == null ? null : values.get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if ((Object) key == ApplicationContextKeys.SPAN) {
      return new ApplicationContext(
          ContextBridge.withSpan(
              agentContext, (application.io.opentelemetry.api.trace.Span) value));
    }
    if ((Object) key == ApplicationContextKeys.BAGGAGE) {
      return new ApplicationContext(
          ContextBridge.withBaggage(
              agentContext, (application.io.opentelemetry.api.baggage.Baggage) value));
    }
    Context values = agentContext.get(ContextBridge.APPLICATION_VALUES);
    Context updated = (values == null ? ApplicationValues.EMPTY : values).with(key, value);
    return new ApplicationContext(agentContext.with(ContextBridge.APPLICATION_VALUES, updated));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationContext
        && ((ApplicationContext) other).agentContext.equals(agentContext);
  }

  @Override
  public int hashCode() {
    return agentContext.hashCode();
  }

  @Override
  public String toString() {
    return "ApplicationContext{" + agentContext + '}';
  }
}
