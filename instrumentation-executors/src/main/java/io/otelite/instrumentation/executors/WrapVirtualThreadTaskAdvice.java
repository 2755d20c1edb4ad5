package io.otelite.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadBuilders.newVirtualThread(scheduler, name, characteristics, task)}: replaces the new
 * virtual thread's task with one that runs in the creator's context.
 */
public final class WrapVirtualThreadTaskAdvice {
  private WrapVirtualThreadTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(3))
  public static Runnable enter(@Advice.Argument(3) Runnable task) {
    return ContextPropagation.wrapNewThreadTask(task);
  }
}
