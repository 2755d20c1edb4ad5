package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.semconv.HttpAttributes.HttpRequestMethodValues;

/**
 * The one place that names SERVER spans, as semconv does: {@code {method} {http.route}}, or {@code
 * {method}} while the route is unknown, with {@code HTTP} in place of a method outside the known
 * set.
 */
final class HttpServerSpanName {
  /** Semconv names spans of methods it does not know {@code HTTP}. */
  private static final String UNKNOWN_METHOD = "HTTP";

  private HttpServerSpanName() {}

  /** {@code method} as normalised by {@link KnownHttpMethods}; {@code route} may be null. */
  static String of(String method, String route) {
    String prefix = HttpRequestMethodValues.OTHER.equals(method) ? UNKNOWN_METHOD : method;
    return route == null ? prefix : prefix + ' ' + route;
  }
}
