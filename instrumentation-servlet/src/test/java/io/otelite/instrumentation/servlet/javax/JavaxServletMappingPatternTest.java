package io.otelite.instrumentation.servlet.javax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/**
 * On a Servlet 3.0/3.1 API (the default test run has javax.servlet-api 3.1) there is no {@code
 * getHttpServletMapping()}: the pattern, and so the route, is unknown, and nothing fails. (Servlet
 * 4 is covered end to end by the Tomcat 9 suite.)
 */
class JavaxServletMappingPatternTest {

  @Test
  void servlet3RequestHasNoMappingPattern() {
    assumeThat(Arrays.stream(HttpServletRequest.class.getMethods()).map(Method::getName))
        .as("a Servlet 3.x API on the class path")
        .doesNotContain("getHttpServletMapping");
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });

    assertThat(JavaxServletMappingPattern.of(request)).isNull();
  }
}
