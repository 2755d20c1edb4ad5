package io.otelite.instrumentation.opentelemetryapi;

import io.otelite.instrumentation.api.AgentLog;
import net.bytebuddy.asm.Advice;

/**
 * {@code GlobalOpenTelemetry.set(...)}: skipped. Under the agent the global instance is the
 * agent's, as in the OpenTelemetry agent; the application's own SDK object still works where the
 * application uses it directly.
 */
public final class GlobalOpenTelemetrySetAdvice {
  private GlobalOpenTelemetrySetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean skip() {
    AgentLog.warnOnce(
        "GlobalOpenTelemetry.set",
        "GlobalOpenTelemetry.set(...) is ignored under the agent: GlobalOpenTelemetry is the agent's SDK, and the"
            + " application's spans join the agent's traces (otel.instrumentation.opentelemetry-api.enabled=false"
            + " turns this off)",
        null);
    return true;
  }
}
