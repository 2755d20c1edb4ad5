package io.otelite.benchmarks;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.otelite.tooling.propagation.TraceContextPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the caller's {@code traceparent} on a server and writing it on a client, with the W3C
 * trace-context propagator alone and with baggage as well (the agents' default propagators: {@code
 * tracecontext,baggage}); {@code tracecontext} is the agent's propagator ({@code otelite}) or the
 * OpenTelemetry API's ({@code api}, which the OpenTelemetry agent uses).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TraceparentBenchmark {
  @Param({"tracecontext", "tracecontext,baggage"})
  public String propagators;

  @Param({"otelite", "api"})
  public String tracecontext;

  /**
   * {@code absent}, as between services of one vendor, or {@code present}: two vendors' members
   * arrive and are sent on.
   */
  @Param({"absent", "present"})
  public String tracestate;

  private TextMapPropagator propagator;
  private final Map<String, String> incoming = new HashMap<>();
  private Context outgoing;
  private final HeaderSink sink = new HeaderSink();

  @Setup
  public void setUp() {
    TextMapPropagator traceContext =
        tracecontext.equals("api")
            ? W3CTraceContextPropagator.getInstance()
            : TraceContextPropagator.getInstance();
    propagator =
        propagators.equals("tracecontext")
            ? traceContext
            : TextMapPropagator.composite(traceContext, W3CBaggagePropagator.getInstance());
    incoming.put("host", "localhost:8080");
    incoming.put("accept", "application/json");
    incoming.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    if (tracestate.equals("present")) {
      incoming.put("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    }
    // a span of this service continues the caller's tracestate, as the propagator read it
    TraceState continued = Span.fromContext(extract()).getSpanContext().getTraceState();
    outgoing =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.create(
                        "0af7651916cd43dd8448eb211c80319c",
                        "00f067aa0ba902b7",
                        TraceFlags.getSampled(),
                        continued)));
  }

  @Benchmark
  public Context extract() {
    return propagator.extract(Context.root(), incoming, MapGetter.INSTANCE);
  }

  @Benchmark
  public HeaderSink inject() {
    propagator.inject(outgoing, sink, HeaderSink.SETTER);
    return sink;
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }

  /**
   * An outgoing request's headers, reduced to the last one written: the cost measured is the
   * propagator's.
   */
  public static final class HeaderSink {
    static final TextMapSetter<HeaderSink> SETTER =
        (carrier, key, value) -> {
          carrier.name = key;
          carrier.value = value;
        };

    String name;
    String value;
  }
}
