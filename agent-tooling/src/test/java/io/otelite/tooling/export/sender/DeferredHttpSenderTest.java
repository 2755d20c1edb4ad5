package io.otelite.tooling.export.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeferredHttpSenderTest {
  private final AtomicInteger created = new AtomicInteger();
  private final List<MessageWriter> sent = new ArrayList<>();
  private final AtomicInteger shutdowns = new AtomicInteger();

  private final DeferredHttpSender sender =
      new DeferredHttpSender(
          () -> {
            created.incrementAndGet();
            return new HttpSender() {
              @Override
              public void send(
                  MessageWriter message,
                  Consumer<HttpResponse> onResponse,
                  Consumer<Throwable> onError) {
                sent.add(message);
              }

              @Override
              public CompletableResultCode shutdown() {
                shutdowns.incrementAndGet();
                return CompletableResultCode.ofSuccess();
              }
            };
          });

  @Test
  void theRealSenderIsMadeAtTheFirstSendAndThenReused() {
    assertThat(created).as("nothing is made while the SDK is built").hasValue(0);

    sender.send(null, response -> {}, error -> {});
    sender.send(null, response -> {}, error -> {});

    assertThat(created).hasValue(1);
    assertThat(sent).hasSize(2);
    assertThat(sender.shutdown().isSuccess()).isTrue();
    assertThat(shutdowns).hasValue(1);
  }

  @Test
  void aSenderNeverUsedIsShutDownWithoutBeingMade() {
    assertThat(sender.shutdown().isSuccess()).isTrue();

    List<Throwable> errors = new ArrayList<>();
    sender.send(null, response -> {}, errors::add);

    assertThat(created).as("no client is made after shutdown").hasValue(0);
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSenderThatCannotBeMadeIsAnExportError() {
    DeferredHttpSender failing =
        new DeferredHttpSender(
            () -> {
              throw new IllegalArgumentException("bad proxy");
            });
    List<Throwable> errors = new ArrayList<>();

    failing.send(null, response -> {}, errors::add);

    assertThat(errors)
        .singleElement()
        .satisfies(error -> assertThat(error).hasMessage("bad proxy"));
  }
}
