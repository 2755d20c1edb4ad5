package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.propagation.ContextPropagators;
import application.io.opentelemetry.context.propagation.TextMapGetter;
import application.io.opentelemetry.context.propagation.TextMapPropagator;
import application.io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/**
 * The agent's configured propagators ({@code otel.propagators}) behind the application's
 * interfaces, so that application code that injects or extracts headers itself uses the same
 * formats as the agent.
 */
final class ApplicationPropagators implements ContextPropagators, TextMapPropagator {
  private final io.opentelemetry.context.propagation.TextMapPropagator agentPropagator;

  ApplicationPropagators(io.opentelemetry.context.propagation.TextMapPropagator agentPropagator) {
    this.agentPropagator = agentPropagator;
  }

  @Override
  public TextMapPropagator getTextMapPropagator() {
    return this;
  }

  @Override
  public Collection<String> fields() {
    return agentPropagator.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (setter == null) {
      return;
    }
    agentPropagator.inject(ContextBridge.toAgent(context), carrier, setter::set);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (getter == null) {
      return context;
    }
    io.opentelemetry.context.Context extracted =
        agentPropagator.extract(ContextBridge.toAgent(context), carrier, new AgentGetter<>(getter));
    return new ApplicationContext(extracted);
  }

  /** The application's getter for the agent's propagator. */
  private static final class AgentGetter<C>
      implements io.opentelemetry.context.propagation.TextMapGetter<C> {
    private final TextMapGetter<C> applicationGetter;

    AgentGetter(TextMapGetter<C> applicationGetter) {
      this.applicationGetter = applicationGetter;
    }

    @Override
    public Iterable<String> keys(C carrier) {
      return applicationGetter.keys(carrier);
    }

    @Override
    public String get(C carrier, String key) {
      return applicationGetter.get(carrier, key);
    }
  }
}
