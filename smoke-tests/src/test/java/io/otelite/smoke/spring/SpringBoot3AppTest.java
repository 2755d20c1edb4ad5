package io.otelite.smoke.spring;

import io.otelite.smoke.harness.Locations;
import java.nio.file.Path;

/** testapp-spring-boot3: Spring Boot 3.5, Spring MVC 6.2, embedded Tomcat 10.1 (jakarta). */
class SpringBoot3AppTest extends AbstractSpringBootAppTest {
  @Override
  protected Path applicationJar() {
    return Locations.repoRoot().resolve("testapp-spring-boot3/target/testapp-spring-boot3.jar");
  }

  @Override
  protected String serviceName() {
    return "spring-boot3-routes";
  }
}
