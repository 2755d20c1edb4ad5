package io.otelite.tooling.export.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelite.tooling.propagation.W3cTraceState;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanBatchCodecTest {
  @Test
  void aBatchReadBackHasEveryFieldAnExporterReads() throws IOException {
    List<SpanData> spans = recordedSpans();

    List<SpanData> decoded = SpanBatchCodec.decode(SpanBatchCodec.encode(spans));

    assertThat(decoded).hasSameSizeAs(spans);
    for (int i = 0; i < spans.size(); i++) {
      assertSameSpan(decoded.get(i), spans.get(i));
    }
    // resources and scopes are shared again after reading, as the SDK shares them
    assertThat(decoded.get(0).getResource()).isSameAs(decoded.get(1).getResource());
  }

  @Test
  void aDamagedOrForeignFileIsRefusedNotMisread() throws IOException {
    byte[] bytes = SpanBatchCodec.encode(recordedSpans());

    assertThatThrownBy(() -> SpanBatchCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> SpanBatchCodec.decode("not a batch at all".getBytes()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a span batch");
    byte[] otherVersion = bytes.clone();
    otherVersion[4] = 9;
    assertThatThrownBy(() -> SpanBatchCodec.decode(otherVersion)).hasMessageContaining("version 9");
  }

  @Test
  void aTraceStateReadBackHasItsMembersInTheirOrder() throws IOException {
    String members = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE,tenant@vendor=1,foo@=2";
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            W3cTraceState.parse(members));
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider recording =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    recording
        .get("test")
        .spanBuilder("GET")
        .setParent(Context.root().with(Span.wrap(parent)))
        .startSpan()
        .end();
    List<SpanData> recorded = exporter.getFinishedSpanItems();
    recording.close();

    SpanData decoded = SpanBatchCodec.decode(SpanBatchCodec.encode(recorded)).get(0);

    assertThat(W3cTraceState.encode(decoded.getSpanContext().getTraceState())).isEqualTo(members);
    assertThat(W3cTraceState.encode(decoded.getParentSpanContext().getTraceState()))
        .isEqualTo(members);
  }

  private static List<SpanData> recordedSpans() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    Resource resource =
        Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "checkout"),
            "https://schema/1.40");
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Tracer tracer =
        provider
            .tracerBuilder("io.otelite.test")
            .setInstrumentationVersion("1.2.3")
            .setSchemaUrl("https://schema/scope")
            .build();
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "value=1").build());
    SpanContext linked =
        SpanContext.create(
            "11111111111111111111111111111111",
            "2222222222222222",
            TraceFlags.getDefault(),
            TraceState.getDefault());
    Span server =
        tracer
            .spanBuilder("GET /orders")
            .setSpanKind(SpanKind.SERVER)
            .setParent(Context.root().with(Span.wrap(remoteParent)))
            .addLink(linked, Attributes.of(AttributeKey.longKey("link.n"), 7L))
            .setAttribute("http.request.method", "GET")
            .setAttribute("http.response.status_code", 500L)
            .setAttribute("sampled", true)
            .setAttribute(AttributeKey.doubleKey("ratio"), 0.25)
            .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
            .setAttribute(AttributeKey.longArrayKey("ports"), List.of(80L, 443L))
            .setAttribute(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
            .setAttribute(AttributeKey.doubleArrayKey("weights"), List.of(1.5, 2.5))
            .setAttribute(
                AttributeKey.valueKey("complex"),
                Value.of(
                    KeyValue.of("k", Value.of("v")),
                    KeyValue.of("bytes", Value.of(new byte[] {1, 2, 3}))))
            .setAttribute("sql", "x".repeat(70_000))
            .startSpan();
    server.addEvent(
        "exception",
        Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"));
    server.setStatus(StatusCode.ERROR, "it broke");
    Span client =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(server))
            .startSpan();
    client.end();
    server.end();
    List<SpanData> spans = exporter.getFinishedSpanItems();
    provider.close();
    return spans;
  }

  @SuppressWarnings("deprecation")
  private static void assertSameSpan(SpanData actual, SpanData expected) {
    assertThat(actual.getName()).isEqualTo(expected.getName());
    assertThat(actual.getKind()).isEqualTo(expected.getKind());
    assertThat(actual.getSpanContext()).isEqualTo(expected.getSpanContext());
    assertThat(actual.getParentSpanContext()).isEqualTo(expected.getParentSpanContext());
    assertThat(actual.getParentSpanContext().isRemote())
        .isEqualTo(expected.getParentSpanContext().isRemote());
    assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
    assertThat(actual.getStartEpochNanos()).isEqualTo(expected.getStartEpochNanos());
    assertThat(actual.getEndEpochNanos()).isEqualTo(expected.getEndEpochNanos());
    assertThat(actual.hasEnded()).isEqualTo(expected.hasEnded());
    // the SDK's own attribute map equals only its own kind: compare the entries
    assertThat(actual.getAttributes().asMap()).isEqualTo(expected.getAttributes().asMap());
    assertThat(actual.getTotalAttributeCount()).isEqualTo(expected.getTotalAttributeCount());
    assertThat(actual.getEvents()).isEqualTo(expected.getEvents());
    assertThat(actual.getTotalRecordedEvents()).isEqualTo(expected.getTotalRecordedEvents());
    assertThat(actual.getLinks()).isEqualTo(expected.getLinks());
    assertThat(actual.getTotalRecordedLinks()).isEqualTo(expected.getTotalRecordedLinks());
    assertThat(actual.getResource()).isEqualTo(expected.getResource());
    InstrumentationScopeInfo scope = actual.getInstrumentationScopeInfo();
    assertThat(scope).isEqualTo(expected.getInstrumentationScopeInfo());
    assertThat(actual.getInstrumentationLibraryInfo())
        .isEqualTo(expected.getInstrumentationLibraryInfo());
  }
}
