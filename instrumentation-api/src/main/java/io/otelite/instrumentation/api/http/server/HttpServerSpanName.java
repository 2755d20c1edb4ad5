package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.semconv.HttpAttributes.HttpRequestMethodValues;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that names SERVER spans, as semconv does: {@code {method} {http.route}}, or {@code
 * {method}} while the route is unknown, with {@code HTTP} in place of a method outside the known
 * set.
 *
 * <p>Routes are few (semconv keeps them low-cardinality), so names are made once per method and
 * route and kept, rather than concatenated for every request; the cache is bounded all the same,
 * and starts over when full.
 */
final class HttpServerSpanName {
  /** Semconv names spans of methods it does not know {@code HTTP}. */
  private static final String UNKNOWN_METHOD = "HTTP";

  static final int MAX_CACHED_ROUTES = 1024;

  /** Per method, the span name of each route. */
  private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> NAMES =
      new ConcurrentHashMap<>();

  private HttpServerSpanName() {}

  /** {@code method} as normalised by {@link KnownHttpMethods}; {@code route} may be null. */
  static String of(String method, String route) {
    String prefix = HttpRequestMethodValues.OTHER.equals(method) ? UNKNOWN_METHOD : method;
    if (route == null) {
      return prefix;
    }
    ConcurrentHashMap<String, String> byRoute = NAMES.get(prefix);
    if (byRoute == null) {
      byRoute = NAMES.computeIfAbsent(prefix, unused -> new ConcurrentHashMap<>());
    }
    String name = byRoute.get(route);
    if (name == null) {
      name = prefix + ' ' + route;
      if (byRoute.size() >= MAX_CACHED_ROUTES) {
        byRoute.clear();
      }
      byRoute.put(route, name);
    }
    return name;
  }
}
