package io.otelite.smoke.harness;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An OTLP/gRPC receiver (plaintext HTTP/2) on a free loopback port. opentelemetry-proto ships the
 * message classes but no gRPC stubs, so the three Export services are declared here by their
 * protocol names.
 */
public final class OtlpGrpcReceiver implements AutoCloseable {

  private final ReceivedTelemetry telemetry = new ReceivedTelemetry();
  private final Server server;

  private OtlpGrpcReceiver() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(
                exportService(
                    "opentelemetry.proto.collector.trace.v1.TraceService",
                    ExportTraceServiceRequest.getDefaultInstance(),
                    ExportTraceServiceResponse.getDefaultInstance(),
                    telemetry::accept))
            .addService(
                exportService(
                    "opentelemetry.proto.collector.metrics.v1.MetricsService",
                    ExportMetricsServiceRequest.getDefaultInstance(),
                    ExportMetricsServiceResponse.getDefaultInstance(),
                    telemetry::accept))
            .addService(
                exportService(
                    "opentelemetry.proto.collector.logs.v1.LogsService",
                    ExportLogsServiceRequest.getDefaultInstance(),
                    ExportLogsServiceResponse.getDefaultInstance(),
                    telemetry::accept))
            .build()
            .start();
  }

  public static OtlpGrpcReceiver start() {
    try {
      return new OtlpGrpcReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ReceivedTelemetry telemetry() {
    return telemetry;
  }

  /**
   * The URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc}.
   */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <Q extends Message, R extends Message> ServerServiceDefinition exportService(
      String serviceName, Q requestPrototype, R response, Consumer<Q> sink) {
    MethodDescriptor<Q, R> export =
        MethodDescriptor.<Q, R>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, "Export"))
            .setRequestMarshaller(ProtoUtils.marshaller(requestPrototype))
            .setResponseMarshaller(ProtoUtils.marshaller(response))
            .build();
    return ServerServiceDefinition.builder(serviceName)
        .addMethod(
            export,
            ServerCalls.asyncUnaryCall(
                (request, observer) -> {
                  sink.accept(request);
                  observer.onNext(response);
                  observer.onCompleted();
                }))
        .build();
  }
}
