package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;

/**
 * Contexts, and the span and baggage in them, between the application's API and the agent's. The
 * agent's context is the one that is current; the application sees it through {@link
 * ApplicationContext}.
 *
 * <p>A span or baggage of the application's own making (its own SDK's span, {@code Span.wrap(...)},
 * a baggage it built) is stored for the agent as a converted copy, and next to it the original,
 * which the application then reads back as the very object it stored.
 */
final class ContextBridge {
  /** The application's values under its own keys. */
  static final io.opentelemetry.context.ContextKey<Context> APPLICATION_VALUES =
      io.opentelemetry.context.ContextKey.named("otelite-application-values");

  private static final io.opentelemetry.context.ContextKey<Original> ORIGINAL_SPAN =
      io.opentelemetry.context.ContextKey.named("otelite-application-span");
  private static final io.opentelemetry.context.ContextKey<Original> ORIGINAL_BAGGAGE =
      io.opentelemetry.context.ContextKey.named("otelite-application-baggage");

  private ContextBridge() {}

  static io.opentelemetry.context.Context toAgent(Context context) {
    if (context == null) {
      return io.opentelemetry.context.Context.current();
    }
    if (context instanceof ApplicationContext) {
      return ((ApplicationContext) context).agentContext();
    }
    // a context the application's API built without the storage (Context.root() of older API
    // versions)
    io.opentelemetry.context.Context agentContext = io.opentelemetry.context.Context.root();
    Span span =
        ApplicationContextKeys.SPAN == null ? null : context.get(ApplicationContextKeys.SPAN);
    if (span != null) {
      agentContext = withSpan(agentContext, span);
    }
    Baggage baggage =
        ApplicationContextKeys.BAGGAGE == null ? null : context.get(ApplicationContextKeys.BAGGAGE);
    if (baggage != null) {
      agentContext = withBaggage(agentContext, baggage);
    }
    return agentContext.with(APPLICATION_VALUES, context);
  }

  static Span applicationSpan(io.opentelemetry.context.Context agentContext) {
    io.opentelemetry.api.trace.Span agentSpan =
        io.opentelemetry.api.trace.Span.fromContextOrNull(agentContext);
    if (agentSpan == null) {
      return null;
    }
    Original original = agentContext.get(ORIGINAL_SPAN);
    if (original != null && original.agentValue == agentSpan) {
      return (Span) original.applicationValue;
    }
    return new ApplicationSpan(agentSpan);
  }

  static io.opentelemetry.context.Context withSpan(
      io.opentelemetry.context.Context agentContext, Span span) {
    if (span instanceof ApplicationSpan) {
      return agentContext.with(((ApplicationSpan) span).agentSpan());
    }
    Span stored = span == null ? Span.getInvalid() : span;
    io.opentelemetry.api.trace.Span agentSpan =
        io.opentelemetry.api.trace.Span.wrap(SpanContextBridge.toAgent(stored.getSpanContext()));
    return agentContext.with(agentSpan).with(ORIGINAL_SPAN, new Original(agentSpan, stored));
  }

  static Baggage applicationBaggage(io.opentelemetry.context.Context agentContext) {
    io.opentelemetry.api.baggage.Baggage agentBaggage =
        io.opentelemetry.api.baggage.Baggage.fromContextOrNull(agentContext);
    if (agentBaggage == null) {
      return null;
    }
    Original original = agentContext.get(ORIGINAL_BAGGAGE);
    if (original != null && original.agentValue == agentBaggage) {
      return (Baggage) original.applicationValue;
    }
    return BaggageBridge.toApplication(agentBaggage);
  }

  static io.opentelemetry.context.Context withBaggage(
      io.opentelemetry.context.Context agentContext, Baggage baggage) {
    Baggage stored = baggage == null ? Baggage.empty() : baggage;
    io.opentelemetry.api.baggage.Baggage agentBaggage = BaggageBridge.toAgent(stored);
    return agentContext
        .with(agentBaggage)
        .with(ORIGINAL_BAGGAGE, new Original(agentBaggage, stored));
  }

  /**
   * What the application stored, and the agent's copy of it: the original stands as long as the
   * copy does.
   */
  private static final class Original {
    final Object agentValue;
    final Object applicationValue;

    Original(Object agentValue, Object applicationValue) {
      this.agentValue = agentValue;
      this.applicationValue = applicationValue;
    }
  }
}
