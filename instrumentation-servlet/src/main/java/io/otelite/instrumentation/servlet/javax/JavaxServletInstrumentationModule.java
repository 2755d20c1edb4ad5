package io.otelite.instrumentation.servlet.javax;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * SERVER spans and HTTP server metrics for {@code javax.servlet} 3.0+ containers (Tomcat 7 to 9,
 * Jetty 9.4/10, ...). Named {@code servlet} like the OpenTelemetry agent's module (which the
 * jakarta module shares), so {@code OTEL_INSTRUMENTATION_SERVLET_ENABLED=false} switches both off.
 */
@AutoService(InstrumentationModule.class)
public final class JavaxServletInstrumentationModule extends InstrumentationModule {
  public JavaxServletInstrumentationModule() {
    super("servlet", "servlet-3.0", "javax-servlet");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return Collections.singletonList("javax.servlet.http.HttpServlet");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new JavaxServletServiceInstrumentation(), new JavaxFilterInstrumentation());
  }
}
