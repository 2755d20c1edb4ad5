package io.otelite.tooling.export.sender;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.otelite.tooling.startup.AfterApplicationLogging;
import java.util.function.Consumer;

/**
 * Holds exports back while {@link AfterApplicationLogging} holds the agent's work that reaches
 * java.util.logging: the JDK's HTTP clients ask its platform logger for a logger when first used
 * ({@code HttpURLConnection}'s class initialiser, the JDK HttpClient's too), and where the
 * application configures java.util.logging that creates the JVM's LogManager, before an application
 * that names its own (a JBoss-style LogManager) could. An export waits for the application's
 * logging at most its timeout, then fails, and the batch processor goes on; most applications never
 * hold, and then this is one check per export.
 */
final class AfterApplicationLoggingHttpSender implements HttpSender {
  /** Waits at most the given nanoseconds; {@code true} once nothing is held. */
  interface LoggingGate {
    boolean awaitRelease(long timeoutNanos) throws InterruptedException;
  }

  private final HttpSender sender;
  private final LoggingGate gate;
  private final long timeoutNanos;

  AfterApplicationLoggingHttpSender(HttpSender sender, long timeoutNanos) {
    this(sender, AfterApplicationLogging::awaitRelease, timeoutNanos);
  }

  AfterApplicationLoggingHttpSender(HttpSender sender, LoggingGate gate, long timeoutNanos) {
    this.sender = sender;
    this.gate = gate;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public void send(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    boolean released;
    try {
      released = gate.awaitRelease(timeoutNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      released = false;
    }
    if (!released) {
      onError.accept(
          new IllegalStateException(
              "export waits until the application has set up java.util.logging"));
      return;
    }
    sender.send(message, onResponse, onError);
  }

  @Override
  public CompletableResultCode shutdown() {
    return sender.shutdown();
  }
}
