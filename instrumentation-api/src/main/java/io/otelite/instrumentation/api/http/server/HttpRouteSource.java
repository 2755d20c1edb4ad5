package io.otelite.instrumentation.api.http.server;

/**
 * Who supplied a request's {@code http.route}, in the order in which they know more about it: a
 * filter in front of the servlet knows only the mapping it sees, the servlet that serves the
 * request knows its own mapping, and a framework's controller knows the pattern of the handler
 * method that matched ({@code /owners/{ownerId}}). A route is only replaced by one from a later
 * source, so the first servlet and the first controller of a request keep theirs: a forward to
 * another servlet, or Spring's {@code /error} controller on the error dispatch, does not rename the
 * request.
 */
public enum HttpRouteSource {
  FILTER,
  SERVLET,
  CONTROLLER;

  boolean replaces(HttpRouteSource current) {
    return current == null || compareTo(current) > 0;
  }
}
