package io.otelite.instrumentation.api.trace;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.otelite.instrumentation.api.span.AttributeTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * otelite's spans record what the SDK's spans record: each scenario runs once on the SDK's tracer
 * and once on {@link AgentTracing}'s, over SDKs configured alike, and the exported spans must be
 * the same in everything but their ids and clock readings.
 */
class AgentSpanTest {
  private static final SpanContext REMOTE_PARENT =
      SpanContext.createFromRemoteParent(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.builder().put("vendor", "value").build());
  private static final SpanContext LINKED =
      SpanContext.create(
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  private final List<String> processorCalls = new ArrayList<>();

  @Test
  void attributesAreLimitedInNumberAndLengthAndCountedAsTheSdkCountsThem() {
    assertSameAsTheSdk(
        tracer -> {
          Span span =
              tracer
                  .spanBuilder("attributes")
                  .setAttribute("builder.string", "a long string value")
                  .setAttribute("builder.long", 7L)
                  .startSpan();
          span.setAttribute(doubleKey("span.double"), 1.5);
          span.setAttribute(booleanKey("span.boolean"), true);
          span.setAttribute(stringKey("builder.string"), "replaced value");
          span.setAttribute(stringArrayKey("span.array"), List.of("abcdefgh", "ij"));
          span.setAttribute(stringKey(""), "an empty key is ignored");
          span.setAttribute(stringKey("null.value"), null);
          span.end();
        });
  }

  @Test
  void eventsAndExceptionsAreRecordedWithinTheLimits() {
    assertSameAsTheSdk(
        tracer -> {
          Span span = tracer.spanBuilder("events").startSpan();
          span.addEvent("first", Attributes.of(stringKey("a"), "1", stringKey("b"), "2"));
          span.addEvent("second", 10, TimeUnit.SECONDS);
          span.recordException(
              new IllegalStateException("broken"), Attributes.of(stringKey("extra"), "x"));
          span.addEvent("beyond the limit");
          span.end();
        });
  }

  @Test
  void statusFollowsTheSpecificationsRules() {
    assertSameAsTheSdk(
        tracer -> {
          Span failed = tracer.spanBuilder("failed").startSpan();
          failed.setStatus(StatusCode.UNSET);
          failed.setStatus(StatusCode.ERROR, "first failure");
          failed.end();
          Span ok = tracer.spanBuilder("ok").startSpan();
          ok.setStatus(StatusCode.OK, "a description an OK status does not keep");
          ok.setStatus(StatusCode.ERROR, "too late: OK is final");
          ok.end();
        });
  }

  @Test
  void linksFromTheBuilderAndTheSpanAreKeptWithinTheLimit() {
    assertSameAsTheSdk(
        tracer -> {
          Span span =
              tracer
                  .spanBuilder("links")
                  .addLink(LINKED, Attributes.of(stringKey("k1"), "v", stringKey("k2"), "v"))
                  .addLink(SpanContext.getInvalid())
                  .startSpan();
          span.addLink(LINKED);
          span.addLink(LINKED);
          span.end();
        });
  }

  @Test
  void anEndedSpanChangesNoMoreAndReachesTheProcessorsOnce() {
    assertSameAsTheSdk(
        tracer -> {
          Span span = tracer.spanBuilder("before").setSpanKind(SpanKind.SERVER).startSpan();
          span.updateName("renamed");
          span.end();
          span.updateName("after the end");
          span.setAttribute("after.end", "ignored");
          span.addEvent("after the end");
          span.setStatus(StatusCode.ERROR);
          span.end();
        });
    assertThat(processorCalls).containsExactly("start before", "end renamed");
  }

  @Test
  void childrenShareTheTraceOfTheirParentAndItsTraceState() {
    assertSameAsTheSdk(
        tracer -> {
          Span server =
              tracer
                  .spanBuilder("server")
                  .setSpanKind(SpanKind.SERVER)
                  .setParent(Context.root().with(Span.wrap(REMOTE_PARENT)))
                  .startSpan();
          try (Scope ignored = server.makeCurrent()) {
            tracer.spanBuilder("client").setSpanKind(SpanKind.CLIENT).startSpan().end();
          }
          server.end();
          tracer.spanBuilder("root").setNoParent().startSpan().end();
        });
  }

  @Test
  void explicitTimestampsAreKept() {
    assertSameAsTheSdk(
        tracer ->
            tracer
                .spanBuilder("timed")
                .setStartTimestamp(1_000, TimeUnit.MILLISECONDS)
                .startSpan()
                .end(3, TimeUnit.SECONDS));
  }

  @Test
  void theSamplersDecisionAttributesAndTraceStateApply() {
    Sampler sampler = scenarioSampler();
    List<Boolean> recording = new ArrayList<>();
    Consumer<Tracer> scenario =
        tracer -> {
          Span dropped = tracer.spanBuilder("dropped").startSpan();
          recording.add(dropped.isRecording());
          dropped.end();
          Span recordOnly = tracer.spanBuilder("record only").startSpan();
          recording.add(recordOnly.isRecording());
          recording.add(recordOnly.getSpanContext().isSampled());
          recordOnly.end();
          tracer
              .spanBuilder("seen by sampler")
              .setParent(Context.root().with(Span.wrap(REMOTE_PARENT)))
              .setAttribute("before.sampling", "yes")
              .startSpan()
              .end();
        };

    assertSameAsTheSdk(sampler, scenario);
    assertThat(recording)
        .as("dropped: not recording; record only: recording, not sampled (SDK, then otelite)")
        .containsExactly(false, true, false, false, true, false);
  }

  /**
   * A root span reads the epoch clock once; it and its children then measure with {@code nanoTime}
   * from there, so a child never starts before its parent. The clock here reads one epoch time
   * throughout, and its {@code nanoTime} overflows in the middle of the trace.
   */
  @Test
  void timesAreTheRootsClockReadingPlusTheNanoTimeElapsedAsTheSdkMeasuresThem() {
    long epoch = TimeUnit.SECONDS.toNanos(1_700_000_000);
    List<List<Long>> sdkThenAgent = new ArrayList<>();
    for (boolean agent : new boolean[] {false, true}) {
      SteppingClock clock = new SteppingClock(epoch, Long.MAX_VALUE - 120);
      InMemorySpanExporter exporter = InMemorySpanExporter.create();
      OpenTelemetrySdk sdk = sdk(Sampler.alwaysOn(), exporter, clock);
      Tracer tracer = agent ? agentTracer(sdk) : sdk.getTracer("io.otelite.test", "1.2.3");

      Span root = tracer.spanBuilder("root").startSpan();
      clock.advance(100);
      Span child = tracer.spanBuilder("child").setParent(Context.root().with(root)).startSpan();
      clock.advance(50);
      child.end();
      clock.advance(30);
      root.end();

      List<Long> times = new ArrayList<>();
      for (SpanData span : exporter.getFinishedSpanItems()) {
        times.add(span.getStartEpochNanos());
        times.add(span.getEndEpochNanos());
      }
      sdkThenAgent.add(times);
    }

    assertThat(sdkThenAgent.get(1))
        .isEqualTo(sdkThenAgent.get(0))
        .containsExactly(epoch + 100, epoch + 150, epoch, epoch + 180);
  }

  /** An epoch clock that stands still and a {@code nanoTime} that moves when told. */
  private static final class SteppingClock implements Clock {
    private final long epochNanos;
    private long nanoTime;

    SteppingClock(long epochNanos, long nanoTime) {
      this.epochNanos = epochNanos;
      this.nanoTime = nanoTime;
    }

    void advance(long nanos) {
      nanoTime += nanos;
    }

    @Override
    public long now() {
      return epochNanos;
    }

    @Override
    public long nanoTime() {
      return nanoTime;
    }
  }

  @Test
  void aSpanStartedWithoutABuilderIsTheSpanTheBuilderMakes() {
    List<Boolean> recording = new ArrayList<>();
    Consumer<Tracer> scenario =
        tracer -> {
          Context remote = Context.root().with(Span.wrap(REMOTE_PARENT));
          AttributeTarget before = AgentTracing.startAttributes(tracer);
          before.put(stringKey("before.sampling"), "yes");
          before.putAll(Attributes.of(stringKey("more"), "m", stringKey(""), "ignored"));
          Span server =
              AgentTracing.startSpan(tracer, "seen by sampler", SpanKind.SERVER, remote, before);
          AttributeTarget.of(server).put(stringKey("after.sampling"), "a");
          Span client =
              AgentTracing.startSpan(tracer, "client", SpanKind.CLIENT, remote.with(server), null);
          client.end();
          server.end();
          Span dropped = AgentTracing.startSpan(tracer, "dropped", SpanKind.CLIENT, remote, null);
          recording.add(dropped.isRecording());
          dropped.end();
          Span recordOnly =
              AgentTracing.startSpan(
                  tracer, "record only", SpanKind.INTERNAL, Context.root(), null);
          recording.add(recordOnly.isRecording());
          recordOnly.end();
        };

    assertSameAsTheSdk(scenarioSampler(), scenario);
    assertThat(recording)
        .as("dropped: not recording; record only: recording (SDK, then otelite)")
        .containsExactly(false, true, false, true);
  }

  @Test
  void aSnapshotBeforeTheEndIsNotChangedByWhatFollows() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    Tracer tracer = agentTracer(sdk(Sampler.alwaysOn(), exporter));
    ReadableSpan span = (ReadableSpan) tracer.spanBuilder("live").startSpan();
    ((Span) span).setAttribute("before", "snapshot");

    SpanData snapshot = span.toSpanData();
    ((Span) span).setAttribute("after", "snapshot");
    ((Span) span).updateName("renamed");
    ((Span) span).end();

    assertThat(snapshot.hasEnded()).isFalse();
    assertThat(snapshot.getName()).isEqualTo("live");
    assertThat(snapshot.getAttributes().asMap()).containsOnlyKeys(stringKey("before"));
    assertThat(span.toSpanData())
        .as("an ended span is its own data: export copies nothing")
        .isSameAs(span);
    assertThat(exporter.getFinishedSpanItems().get(0).getAttributes().asMap())
        .containsOnlyKeys(stringKey("before"), stringKey("after"));
  }

  @Test
  void anSdkThatWasShutDownMakesNoMoreSpans() {
    OpenTelemetrySdk sdk = sdk(Sampler.alwaysOn(), InMemorySpanExporter.create());
    Tracer tracer = agentTracer(sdk);
    assertThat(tracer.spanBuilder("running").startSpan().isRecording()).isTrue();

    sdk.shutdown().join(1, TimeUnit.SECONDS);

    assertThat(tracer.spanBuilder("after shutdown").startSpan().isRecording()).isFalse();
  }

  @Test
  void tracersOfAnyOtherOpenTelemetryAreItsOwn() {
    OpenTelemetrySdk installed = sdk(Sampler.alwaysOn(), InMemorySpanExporter.create());
    AgentTracing.use(installed);
    OpenTelemetrySdk other = sdk(Sampler.alwaysOn(), InMemorySpanExporter.create());

    assertThat(AgentTracing.tracer(installed, "scope", null)).isInstanceOf(AgentTracer.class);
    assertThat(AgentTracing.tracer(other, "scope", null)).isNotInstanceOf(AgentTracer.class);
    Span noop =
        AgentTracing.tracer(OpenTelemetry.noop(), "scope", "1.0").spanBuilder("x").startSpan();
    assertThat(noop.isRecording()).isFalse();
    assertThat(noop.getSpanContext().isValid()).isFalse();
  }

  /**
   * Drops "dropped" and "seen by sampler" without its attribute, records "record only" without
   * sampling it, and adds an attribute and a trace state entry to whatever it keeps.
   */
  private static Sampler scenarioSampler() {
    return new Sampler() {
      @Override
      public SamplingResult shouldSample(
          Context parentContext,
          String traceId,
          String name,
          SpanKind spanKind,
          Attributes attributes,
          List<LinkData> parentLinks) {
        if (name.equals("dropped")) {
          return SamplingResult.drop();
        }
        if (name.equals("seen by sampler")
            && !"yes".equals(attributes.get(stringKey("before.sampling")))) {
          return SamplingResult.drop();
        }
        return new SamplingResult() {
          @Override
          public SamplingDecision getDecision() {
            return name.equals("record only")
                ? SamplingDecision.RECORD_ONLY
                : SamplingDecision.RECORD_AND_SAMPLE;
          }

          @Override
          public Attributes getAttributes() {
            return Attributes.of(stringKey("sampler.attribute"), "s");
          }

          @Override
          public TraceState getUpdatedTraceState(TraceState parentTraceState) {
            return parentTraceState.toBuilder().put("sampler", "1").build();
          }
        };
      }

      @Override
      public String getDescription() {
        return "scenario sampler";
      }
    };
  }

  private void assertSameAsTheSdk(Consumer<Tracer> scenario) {
    assertSameAsTheSdk(Sampler.alwaysOn(), scenario);
  }

  private void assertSameAsTheSdk(Sampler sampler, Consumer<Tracer> scenario) {
    InMemorySpanExporter sdkSpans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = sdk(sampler, sdkSpans);
    scenario.accept(sdk.getTracer("io.otelite.test", "1.2.3"));
    List<String> sdkProcessorCalls = new ArrayList<>(processorCalls);
    processorCalls.clear();

    InMemorySpanExporter agentSpans = InMemorySpanExporter.create();
    scenario.accept(agentTracer(sdk(sampler, agentSpans)));

    assertThat(processorCalls).isEqualTo(sdkProcessorCalls);
    assertThat(agentSpans.getFinishedSpanItems())
        .allSatisfy(span -> assertThat(span).isInstanceOf(AgentSpan.class));
    assertThat(views(agentSpans.getFinishedSpanItems()))
        .isEqualTo(views(sdkSpans.getFinishedSpanItems()))
        .isNotEmpty();
  }

  private static Tracer agentTracer(OpenTelemetrySdk sdk) {
    AgentTracing.use(sdk);
    Tracer tracer = AgentTracing.tracer(sdk, "io.otelite.test", "1.2.3");
    assertThat(tracer).isInstanceOf(AgentTracer.class);
    return tracer;
  }

  private OpenTelemetrySdk sdk(Sampler sampler, InMemorySpanExporter exporter) {
    return sdk(sampler, exporter, Clock.getDefault());
  }

  private OpenTelemetrySdk sdk(Sampler sampler, InMemorySpanExporter exporter, Clock clock) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setClock(clock)
                .setSampler(sampler)
                .setResource(
                    Resource.getDefault()
                        .merge(Resource.builder().put("service.name", "test").build()))
                .setSpanLimits(
                    SpanLimits.builder()
                        .setMaxNumberOfAttributes(4)
                        .setMaxAttributeValueLength(10)
                        .setMaxNumberOfEvents(3)
                        .setMaxNumberOfAttributesPerEvent(1)
                        .setMaxNumberOfLinks(2)
                        .setMaxNumberOfAttributesPerLink(1)
                        .build())
                .addSpanProcessor(recordingProcessor())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .build();
  }

  private SpanProcessor recordingProcessor() {
    return new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        processorCalls.add("start " + span.getName());
      }

      @Override
      public boolean isStartRequired() {
        return true;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        processorCalls.add("end " + span.getName());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
  }

  /** Everything about exported spans but their ids and clock readings, in export order. */
  private static List<Map<String, Object>> views(List<SpanData> spans) {
    List<String> spanIds = spans.stream().map(SpanData::getSpanId).collect(Collectors.toList());
    List<Map<String, Object>> views = new ArrayList<>();
    for (SpanData span : spans) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", span.getName());
      view.put("kind", span.getKind());
      view.put("scope", span.getInstrumentationScopeInfo());
      view.put("resource", span.getResource());
      view.put("flags", span.getSpanContext().getTraceFlags());
      view.put("traceState", span.getSpanContext().getTraceState());
      view.put(
          "traceId",
          span.getTraceId().equals(REMOTE_PARENT.getTraceId()) ? "remote parent's" : "new");
      view.put(
          "parent",
          span.getParentSpanId().equals(REMOTE_PARENT.getSpanId())
              ? "remote parent"
              : spanIds.contains(span.getParentSpanId())
                  ? "span " + spanIds.indexOf(span.getParentSpanId())
                  : span.getParentSpanContext().isValid() ? "other" : "none");
      view.put("attributes", span.getAttributes().asMap());
      view.put("totalAttributes", span.getTotalAttributeCount());
      view.put(
          "events",
          span.getEvents().stream().map(AgentSpanTest::eventView).collect(Collectors.toList()));
      view.put("totalEvents", span.getTotalRecordedEvents());
      view.put(
          "links",
          span.getLinks().stream()
              .map(
                  link ->
                      link.getSpanContext()
                          + " "
                          + link.getAttributes().asMap()
                          + " of "
                          + link.getTotalAttributeCount())
              .collect(Collectors.toList()));
      view.put("totalLinks", span.getTotalRecordedLinks());
      view.put("status", span.getStatus());
      view.put("ended", span.hasEnded());
      view.put("endNotBeforeStart", span.getEndEpochNanos() >= span.getStartEpochNanos());
      boolean explicit = span.getStartEpochNanos() == TimeUnit.SECONDS.toNanos(1);
      view.put("start", explicit ? span.getStartEpochNanos() : "clock");
      view.put("end", explicit ? span.getEndEpochNanos() : "clock");
      views.add(view);
    }
    return views;
  }

  private static String eventView(EventData event) {
    boolean explicit = event.getEpochNanos() == TimeUnit.SECONDS.toNanos(10);
    return event.getName()
        + " "
        + event.getAttributes().asMap().entrySet().stream()
            .map(entry -> entry.getKey() + "=" + shortened(entry.getValue()))
            .sorted()
            .collect(Collectors.joining(", "))
        + " of "
        + event.getTotalAttributeCount()
        + (explicit ? " at 10 s" : "");
  }

  /** An exception's stack trace differs in its lines from run to run: its first line will do. */
  private static String shortened(Object value) {
    String text = String.valueOf(value);
    int lineEnd = text.indexOf('\n');
    return lineEnd < 0 ? text : text.substring(0, lineEnd);
  }
}
