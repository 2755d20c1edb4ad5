package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.ContextStorage;
import net.bytebuddy.asm.Advice;

/**
 * {@code ContextStorage.get()}: the storage backed by the agent's context, instead of the
 * application's own.
 */
public final class ContextStorageGetAdvice {
  private ContextStorageGetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean skipApplicationBody() {
    // skipped only once the bridge is loaded: if it cannot be, the application's own body runs
    return ApplicationContextStorage.INSTANCE != null;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static ContextStorage agentBackedStorage() {
    return ApplicationContextStorage.INSTANCE;
  }
}
