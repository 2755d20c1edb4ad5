package io.otelite.tooling.export.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AfterApplicationLoggingHttpSenderTest {
  private static final long TIMEOUT_NANOS = 10_000_000_000L;

  private final List<MessageWriter> sent = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final HttpSender recording =
      new HttpSender() {
        @Override
        public void send(
            MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
          sent.add(message);
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };

  @Test
  void anExportGoesOutOnceTheApplicationsLoggingIsSetUp() {
    RecordingGate gate = RecordingGate.released();
    HttpSender sender = new AfterApplicationLoggingHttpSender(recording, gate, TIMEOUT_NANOS);

    sender.send(null, response -> {}, errors::add);

    assertThat(sent).hasSize(1);
    assertThat(gate.waits).containsExactly(TIMEOUT_NANOS);
    assertThat(errors).isEmpty();
  }

  @Test
  void anExportStillHeldAfterItsTimeoutFailsWithoutTouchingTheHttpClient() {
    HttpSender sender =
        new AfterApplicationLoggingHttpSender(recording, RecordingGate.held(), TIMEOUT_NANOS);

    sender.send(null, response -> {}, errors::add);

    assertThat(sent).as("the JDK's HTTP clients would create the LogManager").isEmpty();
    assertThat(errors)
        .singleElement()
        .satisfies(
            error ->
                assertThat(error)
                    .hasMessage("export waits until the application has set up java.util.logging"));
  }

  @Test
  void anInterruptedWaitFailsTheExportAndKeepsTheInterrupt() {
    HttpSender sender =
        new AfterApplicationLoggingHttpSender(
            recording,
            timeoutNanos -> {
              throw new InterruptedException();
            },
            TIMEOUT_NANOS);

    sender.send(null, response -> {}, errors::add);

    assertThat(sent).isEmpty();
    assertThat(errors).hasSize(1);
    assertThat(Thread.interrupted()).isTrue();
  }
}
