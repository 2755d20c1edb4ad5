package io.otelite.instrumentation.spring.webmvc;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Spring MVC 5.x (javax.servlet), 6.x and 7.x (jakarta.servlet): the matched handler's pattern
 * becomes the route of the SERVER span the servlet module opened. Named {@code spring-webmvc} like
 * the OpenTelemetry agent's module. The advice names neither a servlet namespace nor a Spring type,
 * so one module serves every version.
 */
@AutoService(InstrumentationModule.class)
public final class SpringWebMvcInstrumentationModule extends InstrumentationModule {
  public SpringWebMvcInstrumentationModule() {
    super("spring-webmvc", "spring-webmvc-5.3", "spring-webmvc-6.0");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return Collections.singletonList(HandlerAdapterInstrumentation.HANDLER_ADAPTER);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new HandlerAdapterInstrumentation());
  }
}
