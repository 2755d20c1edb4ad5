package io.otelite.smoke;

/** Spring Boot 3.5 (jakarta, Tomcat 10.1, Hibernate 6, HikariCP 6). */
class SpringBoot3DataTest extends AbstractSpringBootDataTest {
  @Override
  String module() {
    return "testapp-spring-boot3";
  }
}
