package io.otelite.tooling.testing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelite.bootstrap.BootstrapClasses;
import io.otelite.instrumentation.api.trace.AgentTracing;
import io.otelite.tooling.propagation.TraceContextPropagator;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs the agent's instrumentation into the running test JVM, the way the packaged agent does,
 * with an SDK that keeps spans and metrics in memory. Instrumentation modules use it for fast tests
 * with no packaging step between a change and its test.
 *
 * <pre>{@code
 * static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
 * harness.clear();
 * harness.runWithSpan("parent", () -> client.send(request));
 * List<SpanData> spans = harness.waitForSpans(2);
 * }</pre>
 *
 * <p>Configuration comes from system properties ({@code -Dotel.*}, e.g. set in a test's static
 * block before {@link #install()}) and environment variables, as in the agent. Install happens once
 * per JVM.
 */
public final class InstrumentationTestHarness {
  private static InstrumentationTestHarness installed;

  private final InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
  private final InMemoryMetricReader metricReader = InMemoryMetricReader.create();

  private InstrumentationTestHarness() {}

  public static synchronized InstrumentationTestHarness install() {
    if (installed == null) {
      InstrumentationTestHarness harness = new InstrumentationTestHarness();
      harness.start();
      installed = harness;
    }
    return installed;
  }

  private void start() {
    Instrumentation instrumentation = ByteBuddyAgent.install();
    // first, before anything loads io.otelite.bootstrap from the class path: JDK classes can only
    // call advice through the bootstrap package if the bootstrap loader defines it; done as the
    // agent does it, so that every module's tests run over the same mechanism
    defineBootstrapPackage(instrumentation);
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spanExporter))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metricReader).build())
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        TraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
            .build();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(sdk);
    AgentTracing.use(sdk);
    HarnessInstallation.installAllModules(instrumentation);
  }

  private static void defineBootstrapPackage(Instrumentation instrumentation) {
    try {
      BootstrapClasses.define(
          instrumentation,
          BootstrapClasses.class.getProtectionDomain().getCodeSource().getLocation());
    } catch (Exception e) {
      throw new IllegalStateException("cannot define io.otelite.bootstrap in the boot loader", e);
    }
  }

  /** Spans ended so far, in the order they ended. */
  public List<SpanData> spans() {
    return spanExporter.getFinishedSpanItems();
  }

  /** Waits (up to 10 s) until at least {@code count} spans have ended, and returns them all. */
  public List<SpanData> waitForSpans(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (spans().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " spans, got " + spans().size() + ": " + spans());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return spans();
  }

  /**
   * Collects the current value of every metric (cumulative since {@link #clear()} is not possible:
   * use deltas).
   */
  public Collection<MetricData> metrics() {
    return metricReader.collectAllMetrics();
  }

  /** Finds a metric by name in a fresh collection, or {@code null}. */
  public MetricData metric(String name) {
    return metrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElse(null);
  }

  public void clear() {
    spanExporter.reset();
  }

  /** Runs {@code work} inside an INTERNAL span named {@code name}, which ends when it returns. */
  public <T> T runWithSpan(String name, Callable<T> work) throws Exception {
    Span span = GlobalOpenTelemetry.getTracer("test").spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.call();
    } finally {
      span.end();
    }
  }
}
