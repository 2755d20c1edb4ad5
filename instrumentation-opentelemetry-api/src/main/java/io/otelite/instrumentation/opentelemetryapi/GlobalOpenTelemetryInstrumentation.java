package io.otelite.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's {@code GlobalOpenTelemetry}: {@code get()} is the agent's SDK, {@code set(...)}
 * is ignored, as in the OpenTelemetry agent (the agent provides the global instance). The name is
 * written with the {@code application.} prefix, which the agent jar's shade step removes.
 */
final class GlobalOpenTelemetryInstrumentation implements TypeInstrumentation {
  private static final String GLOBAL_OPEN_TELEMETRY =
      "application.io.opentelemetry.api.GlobalOpenTelemetry";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(GLOBAL_OPEN_TELEMETRY);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(GLOBAL_OPEN_TELEMETRY);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isStatic().and(named("get")).and(takesArguments(0)),
        "io.otelite.instrumentation.opentelemetryapi.GlobalOpenTelemetryGetAdvice");
    transformer.applyAdviceToMethod(
        isStatic().and(named("set")).and(takesArguments(1)),
        "io.otelite.instrumentation.opentelemetryapi.GlobalOpenTelemetrySetAdvice");
  }
}
