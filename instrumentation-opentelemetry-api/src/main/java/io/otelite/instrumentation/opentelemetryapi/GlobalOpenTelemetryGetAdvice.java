package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.OpenTelemetry;
import net.bytebuddy.asm.Advice;

/**
 * {@code GlobalOpenTelemetry.get()}: the application's body is skipped, the agent's SDK is
 * returned.
 */
public final class GlobalOpenTelemetryGetAdvice {
  private GlobalOpenTelemetryGetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean skipApplicationBody() {
    // skipped only once the bridge is loaded: if it cannot be, the application's own body runs
    return ApplicationOpenTelemetry.INSTANCE != null;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static OpenTelemetry agentOpenTelemetry() {
    return ApplicationOpenTelemetry.INSTANCE;
  }
}
