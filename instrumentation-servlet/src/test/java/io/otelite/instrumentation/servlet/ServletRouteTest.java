package io.otelite.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServletRouteTest {

  @Test
  void routeIsTheContextPathFollowedByTheMappingPattern() {
    assertThat(ServletRoute.of("/shop", "/orders/*", "/orders")).isEqualTo("/shop/orders/*");
    assertThat(ServletRoute.of("/shop", "/hello", "/hello")).isEqualTo("/shop/hello");
    assertThat(ServletRoute.of("", "/hello", "/hello")).isEqualTo("/hello");
    assertThat(ServletRoute.of("/shop", "/*", "")).isEqualTo("/shop/*");
  }

  @Test
  void defaultServletIsOneRouteForEverythingButTheRoot() {
    assertThat(ServletRoute.of("/shop", "/", "/any/page")).isEqualTo("/shop/*");
    assertThat(ServletRoute.of("/shop", "/", "/")).isEqualTo("/shop/");
    assertThat(ServletRoute.of("", "/", "/any/page")).isEqualTo("/*");
  }

  @Test
  void contextRootAndExtensionMappings() {
    assertThat(ServletRoute.of("/shop", "", "")).isEqualTo("/shop/");
    assertThat(ServletRoute.of("/shop", "*.do", "/cart/add.do")).isEqualTo("/shop/*.do");
    // JSP pages are a fixed set of files, so each is its own route
    assertThat(ServletRoute.of("/shop", "*.jsp", "/cart/view.jsp"))
        .isEqualTo("/shop/cart/view.jsp");
  }

  @Test
  void unknownPatternMeansNoRoute() {
    assertThat(ServletRoute.of("/shop", null, "/hello")).isNull();
  }
}
