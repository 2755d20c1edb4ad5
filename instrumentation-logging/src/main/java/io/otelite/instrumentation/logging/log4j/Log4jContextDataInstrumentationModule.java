package io.otelite.instrumentation.logging.log4j;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Log4j 2's context data (what {@code %X} prints) gets the ids of the span current when an event is
 * logged ({@code trace_id}, {@code span_id}, {@code trace_flags}; keys configurable with {@code
 * otel.instrumentation.common.logging.*}). Switch: {@code
 * otel.instrumentation.log4j-context-data.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class Log4jContextDataInstrumentationModule extends InstrumentationModule {
  public Log4jContextDataInstrumentationModule() {
    super("log4j-context-data");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(ContextDataInjectorInstrumentation.CONTEXT_DATA_INJECTOR);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new ContextDataInjectorInstrumentation());
  }
}
