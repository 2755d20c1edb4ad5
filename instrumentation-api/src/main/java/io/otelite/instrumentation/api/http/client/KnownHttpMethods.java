package io.otelite.instrumentation.api.http.client;

/**
 * The methods semconv names: others are reported as {@code _OTHER} (with the original in {@code
 * http.request.method_original}) so that a client sending arbitrary methods cannot blow up the
 * cardinality of span names and metric attributes. Case-sensitive, as in the convention.
 */
final class KnownHttpMethods {
  private KnownHttpMethods() {}

  static boolean isKnown(String method) {
    if (method == null) {
      return false;
    }
    switch (method) {
      case "GET":
      case "POST":
      case "PUT":
      case "DELETE":
      case "HEAD":
      case "PATCH":
      case "OPTIONS":
      case "CONNECT":
      case "TRACE":
        return true;
      default:
        return false;
    }
  }
}
