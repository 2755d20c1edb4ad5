package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextStorage;
import application.io.opentelemetry.context.Scope;

/**
 * What the application's {@code ContextStorage.get()} returns: the agent's context storage, so one
 * current context per thread for both sides.
 */
final class ApplicationContextStorage implements ContextStorage {
  static final ApplicationContextStorage INSTANCE = new ApplicationContextStorage();

  private ApplicationContextStorage() {}

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    io.opentelemetry.context.Scope agentScope = ContextBridge.toAgent(toAttach).makeCurrent();
    return agentScope::close;
  }

  @Override
  public Context current() {
    return new ApplicationContext(io.opentelemetry.context.Context.current());
  }

  @Override
  public Context root() {
    return new ApplicationContext(io.opentelemetry.context.Context.root());
  }
}
