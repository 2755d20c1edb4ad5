package example.weaving.instrumentation;

import net.bytebuddy.asm.Advice;

public final class SkipAdvice {
  private SkipAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean enter(@Advice.Argument(0) boolean skip) {
    return skip;
  }

  /** Returns null, which leaves the return value alone, unless the body was skipped. */
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static String exit(@Advice.Enter boolean skipped, @Advice.Return String returned) {
    return skipped ? "skipped, returned " + returned : null;
  }
}
