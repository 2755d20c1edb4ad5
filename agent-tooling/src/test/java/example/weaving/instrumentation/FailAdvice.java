package example.weaving.instrumentation;

import example.weaving.Recorder;
import net.bytebuddy.asm.Advice;

public final class FailAdvice {
  private FailAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This Object self, @Advice.Return String returned, @Advice.Thrown Throwable error) {
    Recorder.record("returned " + returned + ", thrown " + error);
  }
}
