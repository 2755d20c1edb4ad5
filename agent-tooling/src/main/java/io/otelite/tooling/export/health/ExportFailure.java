package io.otelite.tooling.export.health;

import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;

/** What a failed export's result says about the collector's answer. */
public final class ExportFailure {
  private static final String FAILED_EXPORT =
      "io.opentelemetry.exporter.internal.FailedExportException";

  private ExportFailure() {}

  /**
   * True when the collector refused the data itself (HTTP 400, 413, 415, 422; gRPC
   * INVALID_ARGUMENT): sending the same batch again would fail again. A collector that is down,
   * overloaded, or refuses the credentials (401, 403, 404: a configuration to fix, after which the
   * same batch is welcome) is not such a refusal.
   */
  public static boolean refusesTheData(Throwable failure) {
    Object response = responseOf(failure);
    if (response instanceof HttpResponse) {
      int status = ((HttpResponse) response).getStatusCode();
      return status == 400 || status == 413 || status == 415 || status == 422;
    }
    if (response instanceof GrpcResponse) {
      return ((GrpcResponse) response).getStatusCode() == GrpcStatusCode.INVALID_ARGUMENT;
    }
    return false;
  }

  static boolean isFailedExport(Throwable failure) {
    return failure != null && failure.getClass().getName().startsWith(FAILED_EXPORT);
  }

  /**
   * The collector's answer carried by the exporters' FailedExportException. That class is internal
   * to opentelemetry-exporter-common, which the agent only has at run time, hence one reflective
   * call, on the failure path only.
   */
  static Object responseOf(Throwable failure) {
    if (!isFailedExport(failure)) {
      return null;
    }
    try {
      return failure.getClass().getMethod("getResponse").invoke(failure);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
