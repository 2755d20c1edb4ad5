package example.weaving.instrumentation;

import example.weaving.Recorder;
import net.bytebuddy.asm.Advice;

public final class ConstructorAdvice {
  private ConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) int base) {
    Recorder.record("constructing with " + base);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object constructed, @Advice.FieldValue("base") int base) {
    Recorder.record("constructed " + constructed.getClass().getSimpleName() + " with base " + base);
  }
}
