package io.otelite.testapp.springboot;

import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

@Component
class SampleData implements CommandLineRunner {
  private final OwnerService service;

  SampleData(OwnerService service) {
    this.service = service;
  }

  @Override
  public void run(String... args) {
    service.register("Ada", "London");
    service.register("Grace", "Arlington");
    service.register("Alan", "London");
  }
}
