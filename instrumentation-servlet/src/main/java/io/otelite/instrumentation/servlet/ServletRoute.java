package io.otelite.instrumentation.servlet;

/**
 * Turns the servlet mapping that matched a request into {@code http.route}: the context path
 * followed by the mapping pattern, e.g. {@code /shop} + {@code /orders/*}. Only patterns go into
 * routes, never request paths, so the route stays low-cardinality; the one exception are {@code
 * *.jsp} pages, a fixed set of files named by their path (as the OpenTelemetry agent does). Shared
 * by the javax and jakarta instrumentations: strings only.
 */
public final class ServletRoute {
  private ServletRoute() {}

  /**
   * @param contextPath the request's context path ({@code ""} for the root context)
   * @param pattern the pattern of the matched mapping: {@code ""} for the context root, {@code "/"}
   *     for the default servlet, {@code "/x/*"}, {@code "*.ext"} or an exact path; {@code null}
   *     when unknown
   * @param servletPath the request's servlet path
   * @return the route, or {@code null} when the pattern is unknown
   */
  public static String of(String contextPath, String pattern, String servletPath) {
    if (pattern == null) {
      return null;
    }
    String context = contextPath == null ? "" : contextPath;
    if (pattern.isEmpty()) {
      return context + '/';
    }
    if (pattern.equals("/")) {
      // the default servlet serves whatever nothing else maps: all of it is one route, except the
      // root itself
      boolean root = servletPath == null || servletPath.isEmpty() || servletPath.equals("/");
      return context + (root ? "/" : "/*");
    }
    if (pattern.startsWith("*.")) {
      if ((pattern.equals("*.jsp") || pattern.equals("*.jspx")) && servletPath != null) {
        return context + servletPath;
      }
      return context + '/' + pattern;
    }
    return context + pattern;
  }
}
