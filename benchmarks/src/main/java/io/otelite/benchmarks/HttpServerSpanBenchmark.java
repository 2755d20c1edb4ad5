package io.otelite.benchmarks;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.otelite.instrumentation.api.http.server.HttpRouteSource;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;
import io.otelite.instrumentation.api.http.server.HttpServerSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the servlet instrumentation adds to one request: extract the caller's context, start the
 * SERVER span with its attributes, make it current, set the route, end it with the status, record
 * {@code http.server.request.duration} and {@code http.server.active_requests}. Sampled (span
 * recorded and handed to the batch processor) and not sampled (span not recorded, metrics still
 * are).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class HttpServerSpanBenchmark {
  private static final String SAMPLED_TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String UNSAMPLED_TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

  @Param({"true", "false"})
  public boolean sampled;

  /**
   * {@code none}: the request starts a trace; {@code remote}: it carries a {@code traceparent}
   * whose sampled flag agrees with {@link #sampled}.
   */
  @Param({"none", "remote"})
  public String parent;

  private OpenTelemetrySdk sdk;
  private HttpServerInstrumenter<BenchmarkRequest, BenchmarkResponse> instrumenter;
  private BenchmarkRequest request;
  private final BenchmarkResponse response = new BenchmarkResponse(200);

  @Setup(Level.Trial)
  public void setUp() {
    sdk = BenchmarkSdk.create(sampled);
    instrumenter =
        new HttpServerInstrumenter<>(
            sdk,
            "io.otelite.servlet",
            "benchmark",
            new BenchmarkRequestGetter(),
            HttpServerSettings.of(List.of(), List.of(), List.of()));
    String traceparent = sampled ? SAMPLED_TRACEPARENT : UNSAMPLED_TRACEPARENT;
    request =
        BenchmarkRequest.typicalGet("/orders/42", parent.equals("remote") ? traceparent : null);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchmarkSdk.shutdown(sdk);
  }

  @Benchmark
  public HttpServerExchange request() {
    HttpServerExchange exchange =
        instrumenter.start(Context.current(), request, null, HttpRouteSource.SERVLET);
    try (Scope scope = exchange.context().makeCurrent()) {
      // the servlet mapping is known once the container has dispatched the request
      exchange.updateRoute(HttpRouteSource.SERVLET, "/orders/*");
    }
    instrumenter.end(exchange, response, null);
    return exchange;
  }
}
