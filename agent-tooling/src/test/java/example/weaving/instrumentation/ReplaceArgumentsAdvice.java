package example.weaving.instrumentation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

public final class ReplaceArgumentsAdvice {
  private ReplaceArgumentsAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments({
    @Advice.AssignReturned.ToArguments.ToArgument(
        value = 0,
        index = 1,
        typing = Assigner.Typing.DYNAMIC),
    @Advice.AssignReturned.ToArguments.ToArgument(
        value = 1,
        index = 0,
        typing = Assigner.Typing.DYNAMIC)
  })
  public static Object[] enter(
      @Advice.Argument(0) String first, @Advice.Argument(1) String second) {
    if (first.equals("fail")) {
      throw new IllegalStateException("advice bug");
    }
    return new Object[] {first + "1", second + "2"};
  }
}
