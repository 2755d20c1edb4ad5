package io.otelite.instrumentation.opentelemetryapi;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * The application's own OpenTelemetry API (any 1.x version it bundles) joins the agent's traces:
 * {@code GlobalOpenTelemetry.get()} returns the agent's SDK behind the application's interfaces,
 * and the application's {@code ContextStorage} is the agent's, so {@code Span.current()} and {@code
 * makeCurrent()} on either side see the same span and baggage.
 *
 * <p>Compiled against the API relocated to {@code application.io.opentelemetry} (module
 * opentelemetry-api-application-shaded); the agent jar's shade step renames it to {@code
 * io.opentelemetry}, which there is the application's, while the agent's own API is relocated away.
 * Switch: {@code otel.instrumentation.opentelemetry-api.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class OpenTelemetryApiInstrumentationModule extends InstrumentationModule {
  public OpenTelemetryApiInstrumentationModule() {
    super("opentelemetry-api");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of("application.io.opentelemetry.api.GlobalOpenTelemetry");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new GlobalOpenTelemetryInstrumentation(), new ContextStorageInstrumentation());
  }
}
