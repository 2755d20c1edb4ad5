package io.otelite.tooling.export.health;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;

/** Failures as the OTLP exporters report them when the collector answered. */
public final class FailedExports {
  private FailedExports() {}

  /** The collector answered the HTTP export with {@code status}. */
  public static Throwable http(int status) {
    return FailedExportException.httpFailedWithResponse(new Http(status));
  }

  /** The collector answered the gRPC export with {@code status}. */
  public static Throwable grpc(GrpcStatusCode status) {
    return FailedExportException.grpcFailedWithResponse(new Grpc(status));
  }

  private record Http(int status) implements HttpResponse {
    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getStatusMessage() {
      return "";
    }

    @Override
    public byte[] getResponseBody() {
      return new byte[0];
    }
  }

  private record Grpc(GrpcStatusCode status) implements GrpcResponse {
    @Override
    public GrpcStatusCode getStatusCode() {
      return status;
    }

    @Override
    public String getStatusDescription() {
      return "";
    }

    @Override
    public byte[] getResponseMessage() {
      return new byte[0];
    }
  }
}
