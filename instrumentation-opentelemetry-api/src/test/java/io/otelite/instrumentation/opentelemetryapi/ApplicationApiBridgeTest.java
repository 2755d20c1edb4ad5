package io.otelite.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import application.io.opentelemetry.api.GlobalOpenTelemetry;
import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.api.trace.StatusCode;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.ContextStorage;
import application.io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application's own API (here the API relocated to {@code application.io.opentelemetry}, which
 * is what the module is compiled against; in the agent jar it is the application's {@code
 * io.opentelemetry}) talks to the agent's SDK, and both sides share one current context.
 */
class ApplicationApiBridgeTest {
  private static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
  private static final io.opentelemetry.api.trace.Tracer agentTracer =
      io.opentelemetry.api.GlobalOpenTelemetry.getTracer("agent-side");

  private final Tracer tracer = GlobalOpenTelemetry.getTracer("app-side", "1.2.3");

  @BeforeEach
  void clear() {
    harness.clear();
  }

  @Test
  void aSpanOfTheApplicationsApiIsExportedByTheAgentWithAllItCarries() {
    SpanContext linked =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Span span =
        tracer
            .spanBuilder("app-work")
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("builder.string", "s")
            .setAttribute(AttributeKey.longKey("builder.long"), 7L)
            .addLink(linked, Attributes.of(AttributeKey.stringKey("link.why"), "batch"))
            .setNoParent()
            .startSpan();
    span.setAttribute("a.string", "text");
    span.setAttribute("a.long", 42L);
    span.setAttribute("a.double", 1.5);
    span.setAttribute("a.boolean", true);
    span.setAttribute(AttributeKey.stringArrayKey("a.strings"), List.of("x", "y"));
    span.setAttribute(AttributeKey.longArrayKey("a.longs"), List.of(1L, 2L));
    span.setAttribute(AttributeKey.doubleArrayKey("a.doubles"), List.of(0.5));
    span.setAttribute(AttributeKey.booleanArrayKey("a.booleans"), List.of(true, false));
    span.addEvent("cache-miss", Attributes.of(AttributeKey.stringKey("cache.key"), "k1"));
    span.recordException(new IllegalStateException("boom"));
    span.setStatus(StatusCode.ERROR, "failed");
    span.updateName("app-work-renamed");
    span.end();

    SpanData exported = harness.waitForSpans(1).get(0);
    assertThat(exported.getName()).isEqualTo("app-work-renamed");
    assertThat(exported.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.PRODUCER);
    assertThat(exported.getInstrumentationScopeInfo().getName()).isEqualTo("app-side");
    assertThat(exported.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.2.3");
    assertThat(exported.getParentSpanContext().isValid()).isFalse();
    assertThat(exported.getAttributes().asMap())
        .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("builder.string"), "s")
        .containsEntry(io.opentelemetry.api.common.AttributeKey.longKey("builder.long"), 7L)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("a.string"), "text")
        .containsEntry(io.opentelemetry.api.common.AttributeKey.longKey("a.long"), 42L)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.doubleKey("a.double"), 1.5)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.booleanKey("a.boolean"), true)
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringArrayKey("a.strings"), List.of("x", "y"))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.longArrayKey("a.longs"), List.of(1L, 2L))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.doubleArrayKey("a.doubles"), List.of(0.5))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.booleanArrayKey("a.booleans"),
            List.of(true, false));
    assertThat(exported.getEvents())
        .extracting(EventData::getName)
        .containsExactly("cache-miss", "exception");
    assertThat(
            exported
                .getEvents()
                .get(1)
                .getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.message")))
        .isEqualTo("boom");
    assertThat(exported.getStatus().getStatusCode())
        .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    assertThat(exported.getStatus().getDescription()).isEqualTo("failed");
    assertThat(exported.getLinks()).hasSize(1);
    assertThat(exported.getLinks().get(0).getSpanContext().getSpanId())
        .isEqualTo("b7ad6b7169203331");
    assertThat(
            exported
                .getLinks()
                .get(0)
                .getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.stringKey("link.why")))
        .isEqualTo("batch");
    assertThat(span.getSpanContext().getSpanId()).isEqualTo(exported.getSpanId());
  }

  @Test
  void anApplicationSpanStartedInsideAnAgentSpanIsItsChild_andSpanCurrentIsTheAgentSpan()
      throws Exception {
    String[] seenByApplication = new String[2];
    harness.runWithSpan(
        "agent-server",
        () -> {
          seenByApplication[0] = Span.current().getSpanContext().getSpanId();
          seenByApplication[1] =
              Context.current().get(ContextKey.named("nothing")) == null ? "no value" : "?";
          tracer.spanBuilder("app-child").startSpan().end();
          return null;
        });

    List<SpanData> spans = harness.waitForSpans(2);
    SpanData server = byName(spans, "agent-server");
    SpanData child = byName(spans, "app-child");
    assertThat(child.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(child.getTraceId()).isEqualTo(server.getTraceId());
    assertThat(seenByApplication).containsExactly(server.getSpanId(), "no value");
  }

  @Test
  void anAgentSpanStartedWhileAnApplicationSpanIsCurrentIsItsChild() {
    Span applicationSpan = tracer.spanBuilder("app-parent").startSpan();
    try (Scope ignored = applicationSpan.makeCurrent()) {
      assertThat(Span.current()).isEqualTo(applicationSpan);
      assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
          .isEqualTo(applicationSpan.getSpanContext().getSpanId());
      agentTracer.spanBuilder("agent-client").startSpan().end();
    } finally {
      applicationSpan.end();
    }
    assertThat(Span.current().getSpanContext().isValid())
        .as("the scope restored the previous context")
        .isFalse();

    List<SpanData> spans = harness.waitForSpans(2);
    assertThat(byName(spans, "agent-client").getParentSpanId())
        .isEqualTo(byName(spans, "app-parent").getSpanId());
  }

  @Test
  void anExplicitApplicationParentAndAWrappedRemoteSpanContextAreParents() {
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Context remoteParent = Context.root().with(Span.wrap(remote));
    Span fromRemote = tracer.spanBuilder("from-remote").setParent(remoteParent).startSpan();
    Span child =
        tracer
            .spanBuilder("explicit-child")
            .setParent(Context.current().with(fromRemote))
            .startSpan();
    child.end();
    fromRemote.end();

    List<SpanData> spans = harness.waitForSpans(2);
    assertThat(byName(spans, "from-remote").getTraceId())
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(byName(spans, "from-remote").getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(byName(spans, "explicit-child").getParentSpanId())
        .isEqualTo(fromRemote.getSpanContext().getSpanId());
  }

  @Test
  void aContextTheApplicationsApiBuiltWithoutTheStorageStillCarriesItsSpanBaggageAndValues() {
    // older API versions' Context.root() does not ask the storage: their contexts reach the bridge
    // as they are
    ContextKey<String> tenantKey = ContextKey.named("tenant");
    Span parent = tracer.spanBuilder("parent").startSpan();
    Context foreign =
        ContextStorage.defaultStorage()
            .root()
            .with(parent)
            .with(Baggage.builder().put("user.id", "u-2").build())
            .with(tenantKey, "initech");
    assertThat(foreign).isNotInstanceOf(ApplicationContext.class);

    try (Scope ignored = foreign.makeCurrent()) {
      assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
          .isEqualTo(parent.getSpanContext().getSpanId());
      assertThat(io.opentelemetry.api.baggage.Baggage.current().getEntryValue("user.id"))
          .isEqualTo("u-2");
      assertThat(Context.current().get(tenantKey)).isEqualTo("initech");
      tracer.spanBuilder("child").startSpan().end();
    }
    parent.end();

    List<SpanData> spans = harness.waitForSpans(2);
    assertThat(byName(spans, "child").getParentSpanId())
        .isEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void theApplicationReadsBackTheSameSpanObjectItMadeCurrent_evenOneNotFromTheAgent() {
    Span wrapped =
        Span.wrap(
            SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
    try (Scope ignored = wrapped.makeCurrent()) {
      assertThat(Span.current()).isSameAs(wrapped);
      assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId())
          .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  }

  @Test
  void baggageAndTheApplicationsOwnContextValuesAreSharedWithTheAgentsContext() {
    ContextKey<String> tenantKey = ContextKey.named("tenant");
    Context context =
        Context.current()
            .with(tenantKey, "acme")
            .with(Baggage.builder().put("user.id", "u-1").build());
    try (Scope ignored = context.makeCurrent()) {
      assertThat(io.opentelemetry.api.baggage.Baggage.current().getEntryValue("user.id"))
          .isEqualTo("u-1");
      assertThat(Context.current().get(tenantKey)).isEqualTo("acme");
      try (io.opentelemetry.context.Scope agentScope =
          io.opentelemetry.api.baggage.Baggage.current().toBuilder()
              .put("from.agent", "yes")
              .build()
              .makeCurrent()) {
        assertThat(Baggage.current().getEntryValue("from.agent")).isEqualTo("yes");
        assertThat(Baggage.current().getEntryValue("user.id")).isEqualTo("u-1");
        assertThat(Context.current().get(tenantKey))
            .as("the agent's context carries the app's values")
            .isEqualTo("acme");
      }
    }
    assertThat(Context.current().get(tenantKey)).isNull();
  }

  @Test
  void thePropagatorsAreTheAgents() {
    Span span = tracer.spanBuilder("outgoing").startSpan();
    Map<String, String> headers = new HashMap<>();
    GlobalOpenTelemetry.getPropagators()
        .getTextMapPropagator()
        .inject(Context.current().with(span), headers, Map::put);
    span.end();
    assertThat(headers.get("traceparent"))
        .isEqualTo(
            "00-"
                + span.getSpanContext().getTraceId()
                + "-"
                + span.getSpanContext().getSpanId()
                + "-"
                + span.getSpanContext().getTraceFlags().asHex());

    Context extracted =
        GlobalOpenTelemetry.getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), headers, new MapGetter());
    assertThat(Span.fromContext(extracted).getSpanContext().getSpanId())
        .isEqualTo(span.getSpanContext().getSpanId());
    assertThat(Span.fromContext(extracted).getSpanContext().isRemote()).isTrue();
  }

  @Test
  void setIsIgnoredBecauseTheGlobalInstanceIsTheAgents() {
    OpenTelemetry before = GlobalOpenTelemetry.get();
    GlobalOpenTelemetry.set(OpenTelemetry.noop());
    assertThat(GlobalOpenTelemetry.get()).isSameAs(before);
    assertThat(GlobalOpenTelemetry.get().getClass().getName()).endsWith("ApplicationOpenTelemetry");
  }

  private static SpanData byName(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static final class MapGetter
      implements application.io.opentelemetry.context.propagation.TextMapGetter<
          Map<String, String>> {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
