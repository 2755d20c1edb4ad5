package io.otelite.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code CompletableFuture.*Async} ({@code supplyAsync}, {@code runAsync}, {@code thenApplyAsync},
 * {@code whenCompleteAsync}...): the function given is wrapped where it is given, which is what
 * counts for dependent stages (they are handed to the executor later, by whichever thread completes
 * the stage) and also covers the thread-per-task executor used when the common pool has parallelism
 * 1.
 */
final class CompletableFutureInstrumentation implements TypeInstrumentation {
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String ADVICE =
      "io.otelite.instrumentation.executors.CompletableFutureAdvice$";
  private static final String[][] FUNCTION_ARGUMENTS = {
    // the functional argument's position and type, and the advice that wraps it
    {"0", "java.lang.Runnable", "Runnable0"},
    {"0", "java.util.function.Supplier", "Supplier0"},
    {"0", "java.util.function.Function", "Function0"},
    {"0", "java.util.function.Consumer", "Consumer0"},
    {"0", "java.util.function.BiFunction", "BiFunction0"},
    {"0", "java.util.function.BiConsumer", "BiConsumer0"},
    {"1", "java.lang.Runnable", "Runnable1"},
    {"1", "java.util.function.Function", "Function1"},
    {"1", "java.util.function.Consumer", "Consumer1"},
    {"1", "java.util.function.BiFunction", "BiFunction1"},
    {"1", "java.util.function.BiConsumer", "BiConsumer1"},
  };

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(COMPLETABLE_FUTURE);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(COMPLETABLE_FUTURE);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    for (String[] argument : FUNCTION_ARGUMENTS) {
      transformer.applyAdviceToMethod(
          nameEndsWith("Async")
              .and(isPublic())
              .and(takesArgument(Integer.parseInt(argument[0]), named(argument[1]))),
          ADVICE + argument[2]);
    }
  }
}
