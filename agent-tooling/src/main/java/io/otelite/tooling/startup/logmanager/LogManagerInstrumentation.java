package io.otelite.tooling.startup.logmanager;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code LogManager.ensureLogManagerInitialized()} (JDK 9 and later): every {@code getLogManager()}
 * passes through it, and the first call made outside the initialisation itself returns only once
 * the LogManager, the application's own included, has read its configuration.
 */
final class LogManagerInstrumentation implements TypeInstrumentation {
  private static final String LOG_MANAGER = "java.util.logging.LogManager";

  @Override
  public boolean mayMatchName(String className) {
    return LOG_MANAGER.equals(className);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(LOG_MANAGER);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("ensureLogManagerInitialized").and(takesNoArguments()),
        "io.otelite.tooling.startup.logmanager.LogManagerInitializedAdvice");
  }
}
