package io.otelite.tooling.export.console;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.io.PrintStream;
import java.util.Collection;

/**
 * The {@code console} metric exporter: one readable line per metric point on stdout, e.g. {@code
 * otelite metric http.server.request.duration unit=s histogram {…} count=3 sum=0.0412}.
 */
public final class ConsoleMetricExporter implements MetricExporter {
  private final PrintStream out = System.out;

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    StringBuilder lines = new StringBuilder();
    for (MetricData metric : metrics) {
      for (PointData point : metric.getData().getPoints()) {
        lines
            .append("otelite metric ")
            .append(metric.getName())
            .append(" unit=")
            .append(metric.getUnit().isEmpty() ? "1" : metric.getUnit())
            .append(' ')
            .append(metric.getType().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ');
        ConsoleFormat.appendAttributes(lines, point.getAttributes())
            .append(' ')
            .append(valueOf(point))
            .append('\n');
      }
    }
    out.print(lines);
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  private static String valueOf(PointData point) {
    if (point instanceof HistogramPointData) {
      HistogramPointData histogram = (HistogramPointData) point;
      return "count=" + histogram.getCount() + " sum=" + histogram.getSum();
    }
    if (point instanceof LongPointData) {
      return "value=" + ((LongPointData) point).getValue();
    }
    if (point instanceof DoublePointData) {
      return "value=" + ((DoublePointData) point).getValue();
    }
    return point.toString();
  }

  @Override
  public CompletableResultCode flush() {
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return flush();
  }
}
