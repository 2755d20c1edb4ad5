package io.otelite.smoke;

/** Spring Boot 2.7 (javax, Tomcat 9, Spring 5.3, Hibernate 5.6, HikariCP 4). */
class SpringBoot2DataTest extends AbstractSpringBootDataTest {
  @Override
  String module() {
    return "testapp-spring-boot2";
  }
}
