package io.otelite.tooling.export.sender;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;

/**
 * Holds OTLP exports back until the application's logging is set up ({@link LoggingGate}). An
 * export waits at most its timeout, then fails, and the batch processor goes on; most applications
 * never hold, and then this is one check per export.
 */
final class AfterApplicationLoggingHttpSender implements HttpSender {

  private final HttpSender sender;
  private final LoggingGate gate;
  private final long timeoutNanos;

  AfterApplicationLoggingHttpSender(HttpSender sender, long timeoutNanos) {
    this(sender, LoggingGate.APPLICATION_LOGGING, timeoutNanos);
  }

  AfterApplicationLoggingHttpSender(HttpSender sender, LoggingGate gate, long timeoutNanos) {
    this.sender = sender;
    this.gate = gate;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public void send(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    if (!gate.released(timeoutNanos)) {
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
