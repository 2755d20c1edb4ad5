package io.otelite.tooling.export.sender;

import io.otelite.tooling.startup.AfterApplicationLogging;

/**
 * What a network exporter waits for before its first connection: the JDK's HTTP clients ask the
 * platform logger for a logger when first used ({@code HttpURLConnection}'s class initialiser, the
 * JDK HttpClient's too), and where the application configures java.util.logging that creates the
 * JVM's LogManager, before an application that names its own (a JBoss-style LogManager, Tomcat's
 * juli) could. See {@link AfterApplicationLogging}.
 */
@FunctionalInterface
public interface LoggingGate {
  /** The agent's gate: open at once unless the application sets its own logging up. */
  LoggingGate APPLICATION_LOGGING = AfterApplicationLogging::awaitRelease;

  /** Waits at most the given nanoseconds; {@code true} once nothing is held. */
  boolean awaitRelease(long timeoutNanos) throws InterruptedException;

  /**
   * Waits at most the given nanoseconds; {@code false} when still held then, or when interrupted
   * (the interrupt is kept for the exporting thread's owner).
   */
  default boolean released(long timeoutNanos) {
    try {
      return awaitRelease(timeoutNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
