package io.otelite.tooling.export.health;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.otelite.instrumentation.api.AgentLog;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether one export's export works: a collector that is down costs one line when export starts
 * failing and one when it works again, however many batches fail in between (the SDK's own line per
 * failed batch is kept off stderr by {@code SdkLogger}).
 */
public final class ExportHealth {
  private final String export;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong failedExports = new AtomicLong();

  /**
   * {@code export}: what is exported, as it reads in a sentence, e.g. "span export
   * (OtlpHttpSpanExporter)".
   */
  public ExportHealth(String export) {
    this.export = export;
  }

  /** Watches an export's result; it may complete later, on the sender's thread. */
  public CompletableResultCode watch(CompletableResultCode result) {
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            succeeded();
          } else {
            failed(result.getFailureThrowable());
          }
        });
    return result;
  }

  private void succeeded() {
    if (failing.compareAndSet(true, false)) {
      long failed = failedExports.getAndSet(0);
      AgentLog.info(
          export
              + " works again, after "
              + failed
              + " failed "
              + (failed == 1 ? "export" : "exports"));
    }
  }

  private void failed(Throwable failure) {
    failedExports.incrementAndGet();
    if (failing.compareAndSet(false, true)) {
      AgentLog.warn(
          export
              + " is failing ("
              + describe(failure)
              + "); the application is not affected, data waits in a bounded buffer (memory, or disk with disk buffering) and one line will say when"
              + " export works again");
    } else {
      AgentLog.debug(export + " failed again (" + describe(failure) + ")");
    }
  }

  /**
   * What went wrong, without anything that could carry a secret: a status code or an exception's
   * type and message, never the endpoint (it may hold user-info) nor headers.
   */
  public static String describe(Throwable failure) {
    Object response = ExportFailure.responseOf(failure);
    if (response instanceof HttpResponse) {
      return "HTTP " + ((HttpResponse) response).getStatusCode();
    }
    if (response instanceof GrpcResponse) {
      return "gRPC status " + ((GrpcResponse) response).getStatusCode();
    }
    if (failure == null) {
      return "the exporter reported a failure";
    }
    // the sender wraps the cause that says it (ConnectException) in CompletionException and
    // UncheckedIOException; its own cause (ClosedChannelException) would say less
    Throwable cause = failure;
    for (int depth = 0; isWrapper(cause) && cause.getCause() != null && depth < 10; depth++) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (message == null || message.contains("://") ? "" : ": " + message);
  }

  private static boolean isWrapper(Throwable failure) {
    return ExportFailure.isFailedExport(failure)
        || failure instanceof java.util.concurrent.CompletionException
        || failure instanceof java.util.concurrent.ExecutionException
        || failure instanceof java.io.UncheckedIOException;
  }
}
