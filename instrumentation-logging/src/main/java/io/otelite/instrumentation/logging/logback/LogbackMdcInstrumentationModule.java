package io.otelite.instrumentation.logging.logback;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Logback's MDC gets the ids of the span current when an event was logged ({@code trace_id}, {@code
 * span_id}, {@code trace_flags}; keys configurable with {@code
 * otel.instrumentation.common.logging.*}), so that {@code %X{trace_id}} in a pattern prints them,
 * also in asynchronous appenders. Switch: {@code otel.instrumentation.logback-mdc.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class LogbackMdcInstrumentationModule extends InstrumentationModule {
  public LogbackMdcInstrumentationModule() {
    super("logback-mdc");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(LoggingEventInstrumentation.LOGGING_EVENT);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new LoggingEventInstrumentation());
  }
}
