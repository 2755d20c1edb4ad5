package io.otelite.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServletRouteCacheTest {
  private final ServletRouteCache cache = new ServletRouteCache();

  @Test
  void givesTheRoutesOfServletRouteForEveryKindOfMapping() {
    String[][] requests = {
      {"/shop", "/orders/*", "/orders"},
      {"/shop", "/hello", "/hello"},
      {"", "/hello", "/hello"},
      {"/shop", "/", "/any/page"},
      {"/shop", "/", "/"},
      {"", "/", ""},
      {"/shop", "", ""},
      {"/shop", "*.do", "/cart/add.do"},
      {"/shop", "*.jsp", "/cart/view.jsp"},
      {"/shop", "*.jsp", null},
      {null, "/hello", "/hello"},
      {"/shop", null, "/hello"},
    };
    for (String[] request : requests) {
      String expected = ServletRoute.of(request[0], request[1], request[2]);
      assertThat(cache.route(request[0], request[1], request[2]))
          .as("twice for %s", String.join(" ", String.valueOf(request[1])))
          .isEqualTo(expected)
          .isEqualTo(cache.route(request[0], request[1], request[2]));
    }
  }

  @Test
  void aMappingsRouteIsBuiltOnceNotPerRequest() {
    String first = cache.route("/shop", "/orders/*", "/orders");

    assertThat(cache.route("/shop", "/orders/*", "/orders/7")).isSameAs(first);
    assertThat(cache.route("/shop", "/", "/a")).isSameAs(cache.route("/shop", "/", "/b"));
    assertThat(cache.route("/other", "/orders/*", "/orders")).isEqualTo("/other/orders/*");
  }

  @Test
  void jspPagesAreEachTheirOwnRouteAndNotKept() {
    assertThat(cache.route("/shop", "*.jsp", "/a.jsp")).isEqualTo("/shop/a.jsp");
    assertThat(cache.route("/shop", "*.jsp", "/b.jsp")).isEqualTo("/shop/b.jsp");
  }

  @Test
  void patternsPastTheBoundStillGetTheirRoute() {
    for (int i = 0; i < ServletRouteCache.MAX_ROUTES + 10; i++) {
      assertThat(cache.route("/shop", "/exact/" + i, "/exact/" + i)).isEqualTo("/shop/exact/" + i);
    }
    String past = "/exact/" + (ServletRouteCache.MAX_ROUTES + 5);
    assertThat(cache.route("/shop", past, past))
        .as("not kept: a new string each time")
        .isEqualTo("/shop" + past)
        .isNotSameAs(cache.route("/shop", past, past));
  }
}
