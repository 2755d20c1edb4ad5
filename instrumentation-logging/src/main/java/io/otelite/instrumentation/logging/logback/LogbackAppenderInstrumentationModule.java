package io.otelite.instrumentation.logging.logback;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.logging.LogsExport;
import java.util.List;

/**
 * Logback's log records go to the agent's logs pipeline (when logs are exported at all: see {@link
 * LogsExport}). Switch: {@code otel.instrumentation.logback-appender.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class LogbackAppenderInstrumentationModule extends InstrumentationModule {
  public LogbackAppenderInstrumentationModule() {
    super("logback-appender");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(LogbackLoggerInstrumentation.LOGGER);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return LogsExport.isOn() ? List.of(new LogbackLoggerInstrumentation()) : List.of();
  }
}
