package io.otelite.instrumentation.annotations;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Methods the application annotates with {@code @WithSpan} (from {@code
 * io.opentelemetry:opentelemetry-instrumentation-annotations}): one span per call, with the
 * {@code @SpanAttribute} parameters as attributes.
 *
 * <p>Switch: {@code otel.instrumentation.opentelemetry-instrumentation-annotations.enabled};
 * methods to leave alone: {@code
 * otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods} ({@code
 * my.Class[method1,method2];other.Class[method]}), as in the OpenTelemetry Java agent.
 */
@AutoService(InstrumentationModule.class)
public final class AnnotationsInstrumentationModule extends InstrumentationModule {
  public AnnotationsInstrumentationModule() {
    super("opentelemetry-instrumentation-annotations");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(WithSpanInstrumentation.WITH_SPAN);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new WithSpanInstrumentation(ExcludedMethods.fromConfig()));
  }
}
