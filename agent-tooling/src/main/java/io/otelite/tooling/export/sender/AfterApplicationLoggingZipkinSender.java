package io.otelite.tooling.export.sender;

import java.io.IOException;
import java.util.List;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/**
 * Holds Zipkin exports back until the application's logging is set up ({@link LoggingGate}): the
 * Zipkin sender connects with {@code HttpURLConnection} on the exporting thread, as the OTLP sender
 * does. An export waits at most its timeout, then fails.
 */
public final class AfterApplicationLoggingZipkinSender implements BytesMessageSender {
  private final BytesMessageSender sender;
  private final LoggingGate gate;
  private final long timeoutNanos;

  public AfterApplicationLoggingZipkinSender(BytesMessageSender sender, long timeoutNanos) {
    this(sender, LoggingGate.APPLICATION_LOGGING, timeoutNanos);
  }

  AfterApplicationLoggingZipkinSender(
      BytesMessageSender sender, LoggingGate gate, long timeoutNanos) {
    this.sender = sender;
    this.gate = gate;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public void send(List<byte[]> encodedSpans) throws IOException {
    if (!gate.released(timeoutNanos)) {
      throw new IOException("export waits until the application has set up java.util.logging");
    }
    sender.send(encodedSpans);
  }

  @Override
  public Encoding encoding() {
    return sender.encoding();
  }

  @Override
  public int messageMaxBytes() {
    return sender.messageMaxBytes();
  }

  @Override
  public int messageSizeInBytes(List<byte[]> encodedSpans) {
    return sender.messageSizeInBytes(encodedSpans);
  }

  @Override
  public int messageSizeInBytes(int encodedSizeInBytes) {
    return sender.messageSizeInBytes(encodedSizeInBytes);
  }

  @Override
  public void close() throws IOException {
    sender.close();
  }
}
