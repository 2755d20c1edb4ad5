package example.greeter.instrumentation;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import net.bytebuddy.asm.Advice;

/**
 * Makes a span around greet() and shows that advice may change the return value when it means to.
 */
public class GreetAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) String name) {
    return GlobalOpenTelemetry.getTracer("greeter-test")
        .spanBuilder("greet " + name)
        .setAttribute("advice.loader", GreetAdvice.class.getClassLoader().getName())
        .startSpan();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static String exit(@Advice.Enter Object span, @Advice.Return String greeting) {
    ((Span) span).end();
    return greeting + " (instrumented)";
  }
}
