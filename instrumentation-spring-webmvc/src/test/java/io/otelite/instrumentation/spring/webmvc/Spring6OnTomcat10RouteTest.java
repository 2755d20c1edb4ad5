package io.otelite.instrumentation.spring.webmvc;

/** spring-webmvc 6.2 on Tomcat 10.1 (jakarta.servlet), as in Spring Boot 3. */
class Spring6OnTomcat10RouteTest extends AbstractSpringWebMvcRouteTest {}
