package io.otelite.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * {@code execute(Runnable)}: replaces a lambda task with one that runs in the submitter's context.
 */
public final class WrapLambdaAdvice {
  private WrapLambdaAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    return ContextPropagation.wrapLambda(task);
  }
}
