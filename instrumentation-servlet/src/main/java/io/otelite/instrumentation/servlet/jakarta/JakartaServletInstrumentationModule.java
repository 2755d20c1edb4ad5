package io.otelite.instrumentation.servlet.jakarta;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * SERVER spans and HTTP server metrics for {@code jakarta.servlet} 5.0+ containers (Tomcat 10+,
 * Jetty 12 ee10 and later, ...). Named {@code servlet} like the OpenTelemetry agent's module (which
 * the javax module shares), so {@code OTEL_INSTRUMENTATION_SERVLET_ENABLED=false} switches both
 * off.
 */
@AutoService(InstrumentationModule.class)
public final class JakartaServletInstrumentationModule extends InstrumentationModule {
  public JakartaServletInstrumentationModule() {
    super("servlet", "servlet-5.0", "jakarta-servlet");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return Collections.singletonList("jakarta.servlet.http.HttpServlet");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new JakartaServletServiceInstrumentation(), new JakartaFilterInstrumentation());
  }
}
