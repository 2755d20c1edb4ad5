package io.otelite.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Replaces the submitted {@code Runnable} (first argument) with one that runs in the submitter's
 * context.
 */
public final class WrapRunnableAdvice {
  private WrapRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    return ContextPropagation.wrap(task);
  }
}
