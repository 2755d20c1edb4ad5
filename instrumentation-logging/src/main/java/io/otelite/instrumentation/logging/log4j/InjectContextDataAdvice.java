package io.otelite.instrumentation.logging.log4j;

import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.util.StringMap;

/**
 * {@code ContextDataInjector.injectContextData(...)}: the event's context data plus the current
 * span's ids.
 */
public final class InjectContextDataAdvice {
  private InjectContextDataAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static StringMap exit(@Advice.Return StringMap contextData) {
    return SpanContextData.withTraceIds(contextData);
  }
}
