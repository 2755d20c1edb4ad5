package example.greeter.instrumentation;

import net.bytebuddy.asm.Advice;

/** Advice that always fails: the instrumented method must behave exactly as without the agent. */
public class FailingAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    throw new IllegalStateException("advice bug");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    throw new IllegalStateException("advice bug on exit");
  }
}
