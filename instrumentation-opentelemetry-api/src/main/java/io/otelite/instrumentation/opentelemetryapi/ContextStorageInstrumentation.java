package io.otelite.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's {@code ContextStorage.get()}, through which all of {@code Context.current()},
 * {@code makeCurrent()} and {@code Span.current()} go: it returns a storage backed by the agent's.
 */
final class ContextStorageInstrumentation implements TypeInstrumentation {
  private static final String CONTEXT_STORAGE =
      "application.io.opentelemetry.context.ContextStorage";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(CONTEXT_STORAGE);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CONTEXT_STORAGE);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isStatic().and(named("get")).and(takesArguments(0)),
        "io.otelite.instrumentation.opentelemetryapi.ContextStorageGetAdvice");
  }
}
