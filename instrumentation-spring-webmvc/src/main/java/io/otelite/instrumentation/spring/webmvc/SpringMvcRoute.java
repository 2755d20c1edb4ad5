package io.otelite.instrumentation.spring.webmvc;

import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.http.server.HttpRouteSource;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;

/**
 * The route of a request that Spring MVC handles: the pattern of the handler mapping that matched
 * ({@code /owners/{ownerId}} for an {@code @GetMapping}, {@code /**} for Spring Boot's static
 * resources and for paths only the resource handler matches), behind the application's context
 * path. Read from the request attribute every {@code HandlerMapping} sets, through the exchange, so
 * that the same code serves Spring 5 (javax) and Spring 6/7 (jakarta); with path patterns the value
 * is a {@code PathPattern}, whose string is the pattern.
 *
 * <p>The first handler of a request names it: the {@code /error} controller of the error dispatch
 * that follows a failure does not.
 */
final class SpringMvcRoute {
  /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, the same in every Spring version. */
  static final String BEST_MATCHING_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private SpringMvcRoute() {}

  static void handlerMatched() {
    HttpServerExchange exchange = HttpServerExchange.fromContext(Context.current());
    if (exchange == null || !exchange.acceptsRouteFrom(HttpRouteSource.CONTROLLER)) {
      return;
    }
    Object pattern = exchange.requestAttribute(BEST_MATCHING_PATTERN);
    if (pattern != null) {
      exchange.updateApplicationRoute(HttpRouteSource.CONTROLLER, pattern.toString());
    }
  }
}
