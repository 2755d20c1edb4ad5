package io.otelite.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ForkJoinPool}, the common pool included: {@code submit} of a {@code Runnable} or {@code
 * Callable} (the pool adapts it into its own task), and {@code execute} of a lambda.
 */
final class ForkJoinPoolInstrumentation implements TypeInstrumentation {
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(FORK_JOIN_POOL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(FORK_JOIN_POOL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(isPublic()).and(takesArgument(0, named("java.lang.Runnable"))),
        "io.otelite.instrumentation.executors.WrapLambdaAdvice");
    transformer.applyAdviceToMethod(
        named("submit").and(isPublic()).and(takesArgument(0, named("java.lang.Runnable"))),
        "io.otelite.instrumentation.executors.WrapRunnableAdvice");
    transformer.applyAdviceToMethod(
        named("submit")
            .and(isPublic())
            .and(takesArgument(0, named("java.util.concurrent.Callable"))),
        "io.otelite.instrumentation.executors.WrapCallableAdvice");
  }
}
