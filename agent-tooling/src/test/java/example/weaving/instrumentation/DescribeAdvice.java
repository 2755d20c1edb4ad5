package example.weaving.instrumentation;

import example.weaving.Recorder;
import java.util.Arrays;
import net.bytebuddy.asm.Advice;

public final class DescribeAdvice {
  private DescribeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#m#d") String method,
      @Advice.AllArguments Object[] arguments) {
    Recorder.record(type.getSimpleName() + "." + method + " " + Arrays.toString(arguments));
  }
}
