package example.weaving.instrumentation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

public final class BaseAdvice {
  private BaseAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static int exit(
      @Advice.FieldValue("base") int base,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
    if (base == 13) {
      throw new IllegalStateException("advice bug");
    }
    return (Integer) returned + base;
  }
}
