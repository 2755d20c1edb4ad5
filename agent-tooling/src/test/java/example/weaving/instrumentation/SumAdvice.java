package example.weaving.instrumentation;

import example.weaving.Recorder;
import net.bytebuddy.asm.Advice;

public final class SumAdvice {
  private SumAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static String enter(@Advice.Argument(0) long from, @Advice.Argument(1) double factor) {
    return "entered with " + from + " x" + factor;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter String entered,
      @Advice.Argument(0) long from,
      @Advice.Return long total,
      @Advice.Thrown Throwable error) {
    Recorder.record(entered + ", from " + from + ", returned " + total + ", thrown " + error);
  }
}
