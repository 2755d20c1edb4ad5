package io.otelite.instrumentation.executors;

import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/**
 * Replaces the submitted {@code Callable} (first argument) with one that runs in the submitter's
 * context.
 */
public final class WrapCallableAdvice {
  private WrapCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Callable<?> enter(@Advice.Argument(0) Callable<?> task) {
    return ContextPropagation.wrap(task);
  }
}
