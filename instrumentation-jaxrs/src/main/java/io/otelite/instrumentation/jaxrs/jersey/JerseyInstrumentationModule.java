package io.otelite.instrumentation.jaxrs.jersey;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * JAX-RS resources served by Jersey 2.x (javax.ws.rs) and 3.x (jakarta.ws.rs): the matched
 * resource's and method's {@code @Path} templates become the route of the SERVER span the servlet
 * module opened. The helper names only Jersey's own classes, which have the same names and
 * signatures in both, so one module serves both. Switched by {@code jaxrs} or {@code jersey}.
 */
@AutoService(InstrumentationModule.class)
public final class JerseyInstrumentationModule extends InstrumentationModule {
  public JerseyInstrumentationModule() {
    super("jaxrs", "jersey", "jaxrs-jersey");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return Collections.singletonList("org.glassfish.jersey.server.ContainerRequest");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new ResourceMethodDispatcherInstrumentation());
  }
}
