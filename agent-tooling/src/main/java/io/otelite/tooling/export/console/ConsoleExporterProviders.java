package io.otelite.tooling.export.console;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Registers the console exporters under {@code console} and, as in the OpenTelemetry agent, {@code
 * logging}.
 */
public final class ConsoleExporterProviders {
  private ConsoleExporterProviders() {}

  @AutoService(ConfigurableSpanExporterProvider.class)
  public static class Spans implements ConfigurableSpanExporterProvider {
    @Override
    public SpanExporter createExporter(ConfigProperties config) {
      return ConsoleSpanExporter.toStdout();
    }

    @Override
    public String getName() {
      return "console";
    }
  }

  @AutoService(ConfigurableSpanExporterProvider.class)
  public static class SpansAlias extends Spans {
    @Override
    public String getName() {
      return "logging";
    }
  }

  @AutoService(ConfigurableMetricExporterProvider.class)
  public static class Metrics implements ConfigurableMetricExporterProvider {
    @Override
    public MetricExporter createExporter(ConfigProperties config) {
      return new ConsoleMetricExporter();
    }

    @Override
    public String getName() {
      return "console";
    }
  }

  @AutoService(ConfigurableMetricExporterProvider.class)
  public static class MetricsAlias extends Metrics {
    @Override
    public String getName() {
      return "logging";
    }
  }

  @AutoService(ConfigurableLogRecordExporterProvider.class)
  public static class Logs implements ConfigurableLogRecordExporterProvider {
    @Override
    public LogRecordExporter createExporter(ConfigProperties config) {
      return new ConsoleLogRecordExporter();
    }

    @Override
    public String getName() {
      return "console";
    }
  }

  @AutoService(ConfigurableLogRecordExporterProvider.class)
  public static class LogsAlias extends Logs {
    @Override
    public String getName() {
      return "logging";
    }
  }
}
