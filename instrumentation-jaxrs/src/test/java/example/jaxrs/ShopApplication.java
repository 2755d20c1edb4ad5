package example.jaxrs;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application; outside {@code io.otelite.*}, which the agent never instruments. */
public class ShopApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(OwnerResource.class);
  }
}
