package io.otelite.tooling.export.sender;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An {@link HttpSender} made on first use, on the exporting thread. Exports are rare (one per
 * batch), so the volatile read per send costs nothing that matters; the lock is taken only until
 * the sender exists.
 */
final class DeferredHttpSender implements HttpSender {
  private final Supplier<HttpSender> factory;
  private volatile HttpSender sender;
  private boolean shutDown;

  DeferredHttpSender(Supplier<HttpSender> factory) {
    this.factory = factory;
  }

  @Override
  public void send(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    HttpSender target;
    try {
      target = sender();
    } catch (Throwable failure) {
      onError.accept(failure);
      return;
    }
    target.send(message, onResponse, onError);
  }

  @Override
  public CompletableResultCode shutdown() {
    HttpSender target;
    synchronized (this) {
      shutDown = true;
      target = sender;
    }
    // never used: there is no client to close
    return target == null ? CompletableResultCode.ofSuccess() : target.shutdown();
  }

  private HttpSender sender() {
    HttpSender target = sender;
    if (target != null) {
      return target;
    }
    synchronized (this) {
      if (sender == null) {
        if (shutDown) {
          throw new IllegalStateException("the exporter is shut down");
        }
        sender = factory.get();
      }
      return sender;
    }
  }
}
