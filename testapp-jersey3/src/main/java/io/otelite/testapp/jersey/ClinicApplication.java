package io.otelite.testapp.jersey;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The clinic's JAX-RS resources. */
public class ClinicApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(VetResource.class, VisitResource.class);
  }
}
