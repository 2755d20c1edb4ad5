package io.otelite.instrumentation.logging.log4j;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.logging.LogsExport;
import java.util.List;

/**
 * Log4j 2's log records go to the agent's logs pipeline (when logs are exported at all: see {@link
 * LogsExport}). Switch: {@code otel.instrumentation.log4j-appender.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class Log4jAppenderInstrumentationModule extends InstrumentationModule {
  public Log4jAppenderInstrumentationModule() {
    super("log4j-appender");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(Log4jLoggerInstrumentation.CORE_LOGGER);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return LogsExport.isOn() ? List.of(new Log4jLoggerInstrumentation()) : List.of();
  }
}
