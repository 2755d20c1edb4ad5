package io.otelite.bootstrap;

import java.util.function.BiConsumer;

/**
 * Where a failure inside advice ends up. Every advice method catches what it throws and calls
 * {@link #onAdviceFailure} (see {@code HarmlessAdvice}); the agent logs the first occurrence of
 * each failure.
 */
public final class AdviceFailures {
  private static volatile BiConsumer<String, Throwable> reporter =
      (where, error) ->
          System.err.println("[otelite] WARN advice failed in " + where + ": " + error);

  private AdviceFailures() {}

  public static void setReporter(BiConsumer<String, Throwable> newReporter) {
    reporter = newReporter;
  }

  /** Called by instrumented code; must never throw. */
  public static void onAdviceFailure(Throwable error) {
    try {
      StackTraceElement[] stack = error.getStackTrace();
      String where =
          stack.length > 0 ? stack[0].getClassName() + "." + stack[0].getMethodName() : "advice";
      reporter.accept(where, error);
    } catch (Throwable ignored) {
      // nothing may escape into the application
    }
  }

  static void onLinkFailure(Class<?> instrumentedClass, String adviceMethodName, Throwable error) {
    try {
      reporter.accept("linking " + adviceMethodName + " for " + instrumentedClass.getName(), error);
    } catch (Throwable ignored) {
      // nothing may escape into the application
    }
  }
}
