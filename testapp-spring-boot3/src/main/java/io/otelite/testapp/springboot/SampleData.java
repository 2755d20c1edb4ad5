package io.otelite.testapp.springboot;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The owners every run starts with. Registered once every bean exists and before the web server
 * opens its port (a {@code CommandLineRunner} would run after Spring Boot logs "Started", when the
 * first requests may already be in).
 */
@Component
class SampleData implements SmartInitializingSingleton {
  private final OwnerService service;

  SampleData(OwnerService service) {
    this.service = service;
  }

  @Override
  public void afterSingletonsInstantiated() {
    service.register("Ada", "London");
    service.register("Grace", "Arlington");
    service.register("Alan", "London");
  }
}
