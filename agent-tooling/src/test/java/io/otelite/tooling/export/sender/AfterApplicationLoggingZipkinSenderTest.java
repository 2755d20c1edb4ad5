package io.otelite.tooling.export.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

class AfterApplicationLoggingZipkinSenderTest {
  private static final long TIMEOUT_NANOS = 10_000_000_000L;
  private static final List<byte[]> SPANS = List.of(new byte[] {'{', '}'});

  private final List<List<byte[]>> sent = new ArrayList<>();
  private final BytesMessageSender recording =
      new BytesMessageSender.Base(Encoding.JSON) {
        @Override
        public int messageMaxBytes() {
          return 1000;
        }

        @Override
        public void send(List<byte[]> encodedSpans) {
          sent.add(encodedSpans);
        }

        @Override
        public void close() {}
      };

  @Test
  void anExportGoesOutOnceTheApplicationsLoggingIsSetUp() throws IOException {
    RecordingGate gate = RecordingGate.released();
    BytesMessageSender sender =
        new AfterApplicationLoggingZipkinSender(recording, gate, TIMEOUT_NANOS);

    sender.send(SPANS);

    assertThat(sent).containsExactly(SPANS);
    assertThat(gate.waits).containsExactly(TIMEOUT_NANOS);
  }

  @Test
  void anExportStillHeldAfterItsTimeoutFailsWithoutTouchingHttpUrlConnection() {
    BytesMessageSender sender =
        new AfterApplicationLoggingZipkinSender(recording, RecordingGate.held(), TIMEOUT_NANOS);

    assertThatThrownBy(() -> sender.send(SPANS))
        .isInstanceOf(IOException.class)
        .hasMessage("export waits until the application has set up java.util.logging");
    assertThat(sent).as("HttpURLConnection would create the LogManager").isEmpty();
  }

  @Test
  void anInterruptedWaitFailsTheExportAndKeepsTheInterrupt() {
    BytesMessageSender sender =
        new AfterApplicationLoggingZipkinSender(
            recording,
            timeoutNanos -> {
              throw new InterruptedException();
            },
            TIMEOUT_NANOS);

    assertThatThrownBy(() -> sender.send(SPANS)).isInstanceOf(IOException.class);
    assertThat(sent).isEmpty();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void everythingButSendingIsTheZipkinSenders() {
    BytesMessageSender sender =
        new AfterApplicationLoggingZipkinSender(recording, RecordingGate.held(), TIMEOUT_NANOS);

    assertThat(sender.encoding()).isEqualTo(Encoding.JSON);
    assertThat(sender.messageMaxBytes()).isEqualTo(1000);
    assertThat(sender.messageSizeInBytes(SPANS)).isEqualTo(recording.messageSizeInBytes(SPANS));
  }
}
