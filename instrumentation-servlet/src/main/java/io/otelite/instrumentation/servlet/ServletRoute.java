package io.otelite.instrumentation.servlet;

/**
 * Turns the servlet mapping that matched a request into {@code http.route}: the context path
 * followed by the mapping pattern, e.g. {@code /shop} + {@code /orders/*}. Only patterns go into
 * routes, never request paths, so the route stays low-cardinality; the one exception are {@code
 * *.jsp} pages, a fixed set of files named by their path (as the OpenTelemetry agent does). Shared
 * by the javax and jakarta instrumentations: strings only. {@link ServletRouteCache} keeps the
 * routes that do not name a file.
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
    if (namesFile(pattern, servletPath)) {
      return context + servletPath;
    }
    return ofPattern(context, patternOfRoute(pattern, servletPath));
  }

  /** Whether the route is the page's own path: JSP pages, when the servlet path is known. */
  static boolean namesFile(String pattern, String servletPath) {
    return servletPath != null && (pattern.equals("*.jsp") || pattern.equals("*.jspx"));
  }

  /**
   * The pattern whose route the request has: its own, except for the default servlet, which serves
   * whatever nothing else maps. All of that is one route, {@code /*}, except the root itself.
   */
  static String patternOfRoute(String pattern, String servletPath) {
    if (!pattern.equals("/")) {
      return pattern;
    }
    boolean root = servletPath == null || servletPath.isEmpty() || servletPath.equals("/");
    return root ? "" : "/*";
  }

  /** The route of a pattern that names no file: depends on nothing but the context and pattern. */
  static String ofPattern(String context, String pattern) {
    if (pattern.isEmpty()) {
      return context + '/';
    }
    if (pattern.startsWith("*.")) {
      return context + '/' + pattern;
    }
    return context + pattern;
  }
}
