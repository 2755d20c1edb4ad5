package io.otelite.tooling.startup.logmanager;

import io.otelite.tooling.startup.AfterApplicationLogging;
import net.bytebuddy.asm.Advice;

/**
 * Reports the LogManager initialised. The method also returns early, before initialisation is done,
 * when the LogManager's own configuration code calls it again on the same thread: the field tells
 * the two apart.
 */
public final class LogManagerInitializedAdvice {
  private LogManagerInitializedAdvice() {}

  @Advice.OnMethodExit(inline = false, suppress = Throwable.class)
  public static void exit(@Advice.FieldValue("initializationDone") boolean initializationDone) {
    if (initializationDone) {
      AfterApplicationLogging.logManagerInitialized();
    }
  }
}
