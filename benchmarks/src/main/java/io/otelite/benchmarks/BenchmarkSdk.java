package io.otelite.benchmarks;

import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.trace.AgentTracing;
import io.otelite.tooling.propagation.TraceContextPropagator;
import io.otelite.tooling.sampling.SdkSamplerTraits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The SDK as the agent wires it (batch span processor, periodic metric reader, the agent's W3C
 * trace context propagator, otelite's own spans), with exporters that discard: what a span or a
 * metric point costs the application thread, without the network.
 */
final class BenchmarkSdk {
  private BenchmarkSdk() {}

  /**
   * {@code sampled}: the agent's default sampler ({@code parentbased_always_on}), which records
   * every span whose parent is sampled or absent; else {@code parentbased_traceidratio} with ratio
   * 0, which records none of them (and none under an unsampled parent). Metrics are recorded either
   * way. Both are real configurations: the unsampled one is what a service sampling a small share
   * of its traces does for almost every request.
   */
  static OpenTelemetrySdk create(boolean sampled) {
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setSampler(
                Sampler.parentBased(sampled ? Sampler.alwaysOn() : Sampler.traceIdRatioBased(0)))
            .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build())
            .build();
    SdkMeterProvider meterProvider =
        SdkMeterProvider.builder()
            .registerMetricReader(
                PeriodicMetricReader.builder(new DiscardingMetricExporter())
                    .setInterval(Duration.ofSeconds(10))
                    .build())
            .build();
    // as the agent does before it makes any instrumenter
    SamplerTraits.configure(SdkSamplerTraits.of(tracerProvider.getSampler()));
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracerProvider)
            .setMeterProvider(meterProvider)
            .setPropagators(ContextPropagators.create(TraceContextPropagator.getInstance()))
            .build();
    // as the agent does: the instrumenters' spans are otelite's own
    AgentTracing.use(sdk);
    return sdk;
  }

  static void shutdown(OpenTelemetrySdk sdk) {
    sdk.shutdown().join(10, TimeUnit.SECONDS);
  }
}
