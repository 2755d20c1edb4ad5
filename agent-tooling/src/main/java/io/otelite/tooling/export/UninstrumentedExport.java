package io.otelite.tooling.export;

import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Exporters send with the JDK HttpClient, which the agent instruments: without this, every export would
 * make a CLIENT span, which would be exported, which would make a span... Each export runs with
 * instrumentation suppressed, and the suppression follows the sender's async work through the
 * executor instrumentation.
 */
public final class UninstrumentedExport {
  private UninstrumentedExport() {}

  static CompletableResultCode suppressed(Supplier<CompletableResultCode> export) {
    CompletableResultCode[] result = new CompletableResultCode[1];
    InstrumentationUtil.suppressInstrumentation(() -> result[0] = export.get());
    return result[0];
  }

  public static SpanExporter of(SpanExporter delegate) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return suppressed(() -> delegate.export(spans));
      }

      @Override
      public CompletableResultCode flush() {
        return suppressed(delegate::flush);
      }

      @Override
      public CompletableResultCode shutdown() {
        return suppressed(delegate::shutdown);
      }

      @Override
      public String toString() {
        return delegate.toString();
      }
    };
  }

  public static MetricExporter of(MetricExporter delegate) {
    return new MetricExporter() {
      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return delegate.getAggregationTemporality(instrumentType);
      }

      @Override
      public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return delegate.getDefaultAggregation(instrumentType);
      }

      @Override
      public MemoryMode getMemoryMode() {
        return delegate.getMemoryMode();
      }

      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        return suppressed(() -> delegate.export(metrics));
      }

      @Override
      public CompletableResultCode flush() {
        return suppressed(delegate::flush);
      }

      @Override
      public CompletableResultCode shutdown() {
        return suppressed(delegate::shutdown);
      }

      @Override
      public String toString() {
        return delegate.toString();
      }
    };
  }

  public static LogRecordExporter of(LogRecordExporter delegate) {
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        return suppressed(() -> delegate.export(logs));
      }

      @Override
      public CompletableResultCode flush() {
        return suppressed(delegate::flush);
      }

      @Override
      public CompletableResultCode shutdown() {
        return suppressed(delegate::shutdown);
      }

      @Override
      public String toString() {
        return delegate.toString();
      }
    };
  }
}
