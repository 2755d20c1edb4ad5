package io.otelite.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's executors. {@code submit} (and {@code schedule}) wrap the task, which then sits inside
 * the executor's own future, so what the executor sees is unchanged; {@code execute} wraps lambdas
 * only.
 */
final class ExecutorServiceInstrumentation implements TypeInstrumentation {
  private static final Set<String> EXECUTORS =
      Set.of(
          "java.util.concurrent.AbstractExecutorService",
          "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor",
          "java.util.concurrent.ExecutorCompletionService");

  @Override
  public boolean mayMatchName(String className) {
    return EXECUTORS.contains(className);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(EXECUTORS.toArray(new String[0]));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(isPublic()).and(takesArgument(0, named("java.lang.Runnable"))),
        "io.otelite.instrumentation.executors.WrapLambdaAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule")
            .and(isPublic())
            .and(takesArgument(0, named("java.lang.Runnable"))),
        "io.otelite.instrumentation.executors.WrapRunnableAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule")
            .and(isPublic())
            .and(takesArgument(0, named("java.util.concurrent.Callable"))),
        "io.otelite.instrumentation.executors.WrapCallableAdvice");
  }
}
