package io.otelite.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a receiver makes of {@code traceparent} and {@code tracestate} header fields, and what it
 * sends on, as the W3C Trace Context specification (level 2) says; the official suite runs against
 * the built agent in smoke-tests' {@code W3cTraceContextConformanceTest}.
 */
class TraceContextPropagatorTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String VALID = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  private final TraceContextPropagator propagator = TraceContextPropagator.getInstance();

  @Test
  void continuesAValidParentAsARemoteSpan() {
    SpanContext parent = extract(new Headers().add("traceparent", VALID));

    assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(parent.getSpanId()).isEqualTo(SPAN_ID);
    assertThat(parent.isSampled()).isTrue();
    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.getTraceState().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " \t" + VALID + "\t ",
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-the-future-will-be-like",
      })
  void acceptsSurroundingWhitespaceAndLongerValuesOfAHigherVersion(String traceparent) {
    assertThat(extract(new Headers().add("traceparent", traceparent)).getTraceId())
        .isEqualTo(TRACE_ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01.",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01-extra",
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-01.what-the-future-will-be-like",
        "ff-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "0A-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "000-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-00F067AA0BA902B7-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0A",
        "00-00000000000000000000000000000000-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-0000000000000000-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-1",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-001",
        "00_" + TRACE_ID + "_" + SPAN_ID + "_01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01,00-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "",
      })
  void refusesEveryOtherValue(String traceparent) {
    assertThat(extract(new Headers().add("traceparent", traceparent)).isValid()).isFalse();
  }

  @Test
  void twoTraceparentFieldsAreNoParentEvenWhenTheyAgree() {
    assertThat(extract(new Headers().add("traceparent", VALID).add("TraceParent", VALID)).isValid())
        .isFalse();
  }

  @Test
  void flagsOfVersion00AreKeptAndAHigherVersionKeepsOnlyTheFlagsVersion00Defines() {
    assertThat(extract(new Headers().add("traceparent", VALID.replace("-01", "-ff"))))
        .extracting(parent -> parent.getTraceFlags().asByte())
        .isEqualTo((byte) 0xff);
    assertThat(extract(new Headers().add("traceparent", "cc" + VALID.substring(2, 53) + "ff-x")))
        .extracting(parent -> parent.getTraceFlags().asByte())
        .isEqualTo((byte) 0x03);
  }

  @Test
  void theRandomTraceIdFlagReachesTheNextHopThroughTheSdk() {
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
    Context caller =
        propagator.extract(
            Context.root(),
            new Headers().add("traceparent", VALID.replace("-01", "-02")),
            Headers.GETTER);

    Span child = tracerProvider.get("test").spanBuilder("child").setParent(caller).startSpan();
    Map<String, String> sent = inject(Context.root().with(child));
    tracerProvider.close();

    assertThat(sent.get("traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-02");
  }

  @Test
  void tracestateFieldsAreOneListInTheirOrder() {
    SpanContext parent =
        extract(
            new Headers()
                .add("traceparent", VALID)
                .add("tracestate", "foo=1,bar=2")
                .add("TraceState", "rojo=1,congo=2")
                .add("tracestate", "baz=3"));

    assertThat(inject(Context.root().with(Span.wrap(parent))))
        .containsEntry("tracestate", "foo=1,bar=2,rojo=1,congo=2,baz=3");
  }

  @Test
  void emptyTracestateFieldsAreSkipped() {
    SpanContext parent =
        extract(
            new Headers()
                .add("traceparent", VALID)
                .add("tracestate", "")
                .add("tracestate", "foo=1")
                .add("tracestate", ""));

    assertThat(parent.getTraceState().asMap()).containsExactly(Map.entry("foo", "1"));
  }

  @Test
  void anInvalidTracestateIsDroppedAndTheParentStands() {
    SpanContext parent =
        extract(
            new Headers()
                .add("traceparent", VALID)
                .add("tracestate", "foo=1")
                .add("tracestate", "@foo=1"));

    assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(parent.getTraceState().isEmpty()).isTrue();
  }

  @Test
  void aTracestateWithoutAValidTraceparentIsIgnored() {
    assertThat(extract(new Headers().add("tracestate", "foo=1")).isValid()).isFalse();
    assertThat(
            extract(new Headers().add("traceparent", "garbage").add("tracestate", "foo=1"))
                .isValid())
        .isFalse();
  }

  @Test
  void aTracestateReceivedAsSentIsSentOnAsTheSameString() {
    String tracestate = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";
    SpanContext parent =
        extract(new Headers().add("traceparent", VALID).add("tracestate", tracestate));

    assertThat(inject(Context.root().with(Span.wrap(parent))).get("tracestate"))
        .isSameAs(tracestate);
  }

  @Test
  void sendsVersion00AndNoTracestateWhenThereIsNone() {
    SpanContext span =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

    assertThat(inject(Context.root().with(Span.wrap(span))))
        .containsExactly(Map.entry("traceparent", VALID));
  }

  @Test
  void sendsAnApiTracestateToo() {
    SpanContext span =
        SpanContext.create(
            TRACE_ID,
            SPAN_ID,
            TraceFlags.getDefault(),
            TraceState.builder().put("rojo", "1").put("congo", "2").build());

    assertThat(inject(Context.root().with(Span.wrap(span))))
        .containsEntry("tracestate", "congo=2,rojo=1");
  }

  @Test
  void sendsNothingWithoutAValidSpan() {
    assertThat(inject(Context.root())).isEmpty();
    assertThat(inject(Context.root().with(Span.getInvalid()))).isEmpty();
  }

  @Test
  void autoconfigureGivesThisPropagatorForTracecontextAndLeavesTheOthers() {
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.propagators", "tracecontext,baggage",
                        "otel.traces.exporter", "none",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
            .addPropagatorCustomizer(TraceContextPropagator::inPlaceOfTheApis)
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    TextMapPropagator configured = sdk.getPropagators().getTextMapPropagator();
    sdk.close();

    assertThat(configured.toString())
        .contains(propagator.toString())
        .contains(W3CBaggagePropagator.getInstance().toString())
        .doesNotContain(W3CTraceContextPropagator.getInstance().toString());
    assertThat(
            Span.fromContext(
                    configured.extract(
                        Context.root(),
                        new Headers().add("traceparent", VALID).add("traceparent", VALID),
                        Headers.GETTER))
                .getSpanContext()
                .isValid())
        .as("two traceparent fields")
        .isFalse();
  }

  private SpanContext extract(Headers headers) {
    return Span.fromContext(propagator.extract(Context.root(), headers, Headers.GETTER))
        .getSpanContext();
  }

  private Map<String, String> inject(Context context) {
    Map<String, String> sent = new LinkedHashMap<>();
    propagator.inject(context, sent, Map::put);
    return sent;
  }

  /** Header fields as a server received them: names in any case, a name may repeat. */
  static final class Headers {
    static final TextMapGetter<Headers> GETTER =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(Headers carrier) {
            return carrier.fields.keySet();
          }

          @Override
          public String get(Headers carrier, String key) {
            List<String> values = carrier.fields.get(key);
            return values == null ? null : values.get(0);
          }

          @Override
          public Iterator<String> getAll(Headers carrier, String key) {
            return carrier.fields.getOrDefault(key, List.of()).iterator();
          }
        };

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    Headers add(String name, String value) {
      fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), unused -> new ArrayList<>()).add(value);
      return this;
    }
  }
}
