package io.otelite.smoke.spring;

/** testapp-spring-boot2: Spring Boot 2.7, Spring MVC 5.3, embedded Tomcat 9 (javax). */
class SpringBoot2AppTest extends AbstractSpringBootAppTest {
  @Override
  protected String module() {
    return "testapp-spring-boot2";
  }

  @Override
  protected String serviceName() {
    return "spring-boot2-routes";
  }
}
