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
import io.otelite.tooling.export.health.ExportHealth;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * How the agent runs every exporter the SDK builds, whatever its protocol:
 *
 * <ul>
 *   <li>with instrumentation suppressed: exporters send with {@code HttpURLConnection}, the JDK
 *       HttpClient or OkHttp, which the agent instruments, so without this every export would make
 *       a CLIENT span, which would be exported, and so on; the suppression follows a sender's async
 *       work through the executor instrumentation;
 *   <li>watched by an {@link ExportHealth} of its own, so that a collector going down and coming
 *       back is reported once each way; with two span exporters, one failing does not hide the
 *       other's recovery.
 * </ul>
 */
public final class AgentExport {
  private AgentExport() {}

  private static String name(Object exporter, String signal) {
    return signal + " export (" + exporter.getClass().getSimpleName() + ")";
  }

  static CompletableResultCode suppressed(Supplier<CompletableResultCode> export) {
    CompletableResultCode[] result = new CompletableResultCode[1];
    InstrumentationUtil.suppressInstrumentation(() -> result[0] = export.get());
    return result[0];
  }

  public static SpanExporter of(SpanExporter delegate) {
    ExportHealth health = new ExportHealth(name(delegate, "span"));
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return health.watch(suppressed(() -> delegate.export(spans)));
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
    ExportHealth health = new ExportHealth(name(delegate, "metric"));
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
        return health.watch(suppressed(() -> delegate.export(metrics)));
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
    ExportHealth health = new ExportHealth(name(delegate, "log"));
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        return health.watch(suppressed(() -> delegate.export(logs)));
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
