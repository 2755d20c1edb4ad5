package io.otelite.instrumentation.api.testing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.instrumentation.api.trace.AgentTracing;

/** The SDK and contexts the instrumenters' tests run with. */
public final class TestTelemetry {
  private TestTelemetry() {}

  /**
   * An SDK that exports each span as it ends, with W3C propagation; instrumenters built with it
   * make otelite's spans, as in the agent ({@link AgentTracing}).
   */
  public static OpenTelemetrySdk sdk(Sampler sampler, SpanExporter spans, MetricReader metrics) {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    AgentTracing.use(sdk);
    return sdk;
  }

  /** A request from a caller that did not sample its trace: a parent-based sampler drops it. */
  public static Context unsampledRemoteParent() {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.createFromRemoteParent(
                    "0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331",
                    TraceFlags.getDefault(),
                    TraceState.getDefault())));
  }
}
