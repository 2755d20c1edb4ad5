package io.otelite.instrumentation.spring.webmvc;

/**
 * spring-webmvc 5.3 on Tomcat 9 (javax.servlet), as in Spring Boot 2.7: the failing handler's
 * exception reaches the container inside Spring 5's {@code NestedServletException}.
 */
class Spring5OnTomcat9RouteTest extends AbstractSpringWebMvcRouteTest {}
