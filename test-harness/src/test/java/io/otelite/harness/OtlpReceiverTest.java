package io.otelite.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The receiver as the agent's exporter sees it: what it answers, what it keeps. */
class OtlpReceiverTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @Test
  void aHealthyReceiverDecodesATraceExportAndKeepsThePost() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      assertThat(post(receiver, "/v1/traces").statusCode()).isEqualTo(200);

      ReceivedSpan span =
          receiver.telemetry().awaitSpan("the span", s -> s.name().equals("GET /orders"));
      assertThat(span.spanId()).isEqualTo(SPAN_ID);
      assertThat(receiver.telemetry().traceRequests()).isEqualTo(1);
      assertThat(receiver.posts())
          .singleElement()
          .satisfies(p -> assertThat(p.spanIds()).containsExactly(SPAN_ID));
      assertThat(receiver.nonEmptyPosts("/v1/traces", 200)).isEqualTo(1);
    }
  }

  @Test
  void aRefusingReceiverAnswersItsStatusAndKeepsNothingOfTheRefusedExport() throws Exception {
    try (OtlpReceiver receiver =
        OtlpReceiver.options().answering(n -> n == 1 ? 503 : 200).startHttp()) {
      assertThat(post(receiver, "/v1/traces").statusCode()).isEqualTo(503);
      assertThat(post(receiver, "/v1/traces").statusCode()).isEqualTo(200);

      assertThat(receiver.posts("/v1/traces", 503)).isEqualTo(1);
      assertThat(receiver.posts("/v1/traces", 200)).isEqualTo(1);
      assertThat(receiver.telemetry().spans()).hasSize(1);
    }
  }

  @Test
  void aLateReceiverAnswersAfterItsDelay() throws Exception {
    try (OtlpReceiver receiver =
        OtlpReceiver.options().answeringAfter(Duration.ofMillis(500)).startHttp()) {
      long start = System.nanoTime();
      post(receiver, "/v1/traces");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void theExportingEnvironmentNamesTheReceiversProtocol() {
    try (OtlpReceiver grpc = OtlpReceiver.grpc()) {
      assertThat(grpc.protocol().configValue()).isEqualTo("grpc");
      assertThat(grpc.endpoint()).startsWith("http://127.0.0.1:");
    }
  }

  private static HttpResponse<Void> post(OtlpReceiver receiver, String path) throws Exception {
    Span span =
        Span.newBuilder()
            .setName("GET /orders")
            .setTraceId(
                ByteString.copyFrom(HexFormat.of().parseHex("4bf92f3577b34da6a3ce929d0e0e4736")))
            .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_ID)))
            .build();
    ExportTraceServiceRequest export =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
            .build();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(export.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
