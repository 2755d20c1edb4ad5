package io.otelite.instrumentation.jdbc.hikaricp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HikariPool.setMetricsTrackerFactory}: every pool calls it once as it starts (with {@code
 * null} when the application configured no metrics), and again when a metrics registry is bound
 * later (Spring Boot Actuator does).
 */
final class HikariPoolInstrumentation implements TypeInstrumentation {
  static final String HIKARI_POOL = "com.zaxxer.hikari.pool.HikariPool";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(HIKARI_POOL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(HIKARI_POOL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("setMetricsTrackerFactory").and(takesArguments(1)),
        "io.otelite.instrumentation.jdbc.hikaricp.SetMetricsTrackerFactoryAdvice");
  }
}
