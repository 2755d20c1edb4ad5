package io.otelite.instrumentation.jaxrs.jersey;

import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.http.server.HttpRouteSource;
import io.otelite.instrumentation.api.http.server.HttpServerExchange;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The route of a request a JAX-RS resource method serves: the application's base path (context path
 * and the Jersey servlet's mapping, as Jersey's base URI has them) followed by the {@code @Path}
 * templates Jersey matched, outermost first: {@code /shop/api} + {@code /owners} + {@code
 * /{ownerId}}. Sub-resource locators add their templates in between. Templates keep their regular
 * expressions ({@code {id: [0-9]+}}), as the OpenTelemetry agent reports them.
 */
final class JerseyRoute {
  private JerseyRoute() {}

  static void resourceMethodMatched(Object request) {
    HttpServerExchange exchange = HttpServerExchange.fromContext(Context.current());
    if (exchange == null
        || !exchange.acceptsRouteFrom(HttpRouteSource.CONTROLLER)
        || !(request instanceof ContainerRequest)) {
      return;
    }
    ContainerRequest containerRequest = (ContainerRequest) request;
    exchange.updateRoute(
        HttpRouteSource.CONTROLLER,
        of(
            containerRequest.getBaseUri().getRawPath(),
            containerRequest.getUriInfo().getMatchedTemplates()));
  }

  /** {@code matchedTemplates}: innermost first, as Jersey lists them. */
  static String of(String basePath, List<UriTemplate> matchedTemplates) {
    StringBuilder route = new StringBuilder(64);
    appendSegment(route, basePath);
    for (int i = matchedTemplates.size() - 1; i >= 0; i--) {
      appendSegment(route, matchedTemplates.get(i).getTemplate());
    }
    return route.length() == 0 ? "/" : route.toString();
  }

  /** Adds a path segment with exactly one slash in front and none behind. */
  private static void appendSegment(StringBuilder route, String segment) {
    if (segment == null) {
      return;
    }
    int start = 0;
    int end = segment.length();
    while (start < end && segment.charAt(start) == '/') {
      start++;
    }
    while (end > start && segment.charAt(end - 1) == '/') {
      end--;
    }
    if (start < end) {
      route.append('/').append(segment, start, end);
    }
  }
}
