package io.otelite.smoke.spring;

/** testapp-spring-boot3: Spring Boot 3.5, Spring MVC 6.2, embedded Tomcat 10.1 (jakarta). */
class SpringBoot3AppTest extends AbstractSpringBootAppTest {
  @Override
  protected String module() {
    return "testapp-spring-boot3";
  }

  @Override
  protected String serviceName() {
    return "spring-boot3-routes";
  }
}
