package io.otelite.benchmarks;

import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.tooling.propagation.TraceContextPropagator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The SDK as the agent wires it (batch span processor, periodic metric reader, the agent's W3C
 * trace context propagator), with exporters that discard: what a span or a metric point costs the
 * application thread, without the network.
 */
final class BenchmarkSdk {
  private BenchmarkSdk() {}

  /**
   * {@code sampled}: every span recorded and exported, or none (metrics are recorded either way).
   */
  static OpenTelemetrySdk create(boolean sampled) {
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setSampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
            .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build())
            .build();
    SdkMeterProvider meterProvider =
        SdkMeterProvider.builder()
            .registerMetricReader(
                PeriodicMetricReader.builder(new DiscardingMetricExporter())
                    .setInterval(Duration.ofSeconds(10))
                    .build())
            .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setMeterProvider(meterProvider)
        .setPropagators(ContextPropagators.create(TraceContextPropagator.getInstance()))
        .build();
  }

  static void shutdown(OpenTelemetrySdk sdk) {
    sdk.shutdown().join(10, TimeUnit.SECONDS);
  }
}
