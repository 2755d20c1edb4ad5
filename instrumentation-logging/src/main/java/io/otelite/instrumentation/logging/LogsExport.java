package io.otelite.instrumentation.logging;

import io.otelite.instrumentation.api.InstrumentationConfig;
import java.util.List;

/**
 * Whether application log records are wanted at all: only when logs are exported. Without an OTLP
 * endpoint the agent's default logs exporter is {@code none}, and capturing every log record only
 * to drop it would cost the application for nothing; then the appender instrumentations install
 * nothing.
 */
public final class LogsExport {
  private LogsExport() {}

  public static boolean isOn() {
    // the agent always sets otel.logs.exporter (explicitly or by its default); unset, the SDK would
    // pick otlp
    List<String> exporters = InstrumentationConfig.getList("otel.logs.exporter");
    return exporters.isEmpty() || !(exporters.size() == 1 && exporters.get(0).equals("none"));
  }
}
