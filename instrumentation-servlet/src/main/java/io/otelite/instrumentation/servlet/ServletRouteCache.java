package io.otelite.instrumentation.servlet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes of the servlet mappings requests matched, built once each instead of once a request:
 * joining the context path and the pattern was a tenth of the bytes an instrumented Tomcat request
 * allocated. Lookups take no lock; a route built twice by racing requests is the same string.
 */
final class ServletRouteCache {
  /**
   * Patterns come from the deployments' mappings, so a cache this size holds all of them; should a
   * container make patterns up, the routes past it are built per request as before.
   */
  static final int MAX_ROUTES = 1024;

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> routesByContext =
      new ConcurrentHashMap<>();

  /** {@link ServletRoute#of}, remembered for the patterns that name no file. */
  String route(String contextPath, String pattern, String servletPath) {
    if (pattern == null) {
      return null;
    }
    String context = contextPath == null ? "" : contextPath;
    if (ServletRoute.namesFile(pattern, servletPath)) {
      return ServletRoute.of(context, pattern, servletPath);
    }
    String patternOfRoute = ServletRoute.patternOfRoute(pattern, servletPath);
    ConcurrentHashMap<String, String> routes = routesOf(context);
    String route = routes.get(patternOfRoute);
    if (route == null) {
      route = ServletRoute.ofPattern(context, patternOfRoute);
      if (routes.size() < MAX_ROUTES) {
        routes.putIfAbsent(patternOfRoute, route);
      }
    }
    return route;
  }

  private ConcurrentHashMap<String, String> routesOf(String context) {
    ConcurrentHashMap<String, String> routes = routesByContext.get(context);
    if (routes != null) {
      return routes;
    }
    if (routesByContext.size() >= MAX_ROUTES) {
      return new ConcurrentHashMap<>(); // past the bound: built per request, remembered nowhere
    }
    routes = new ConcurrentHashMap<>();
    ConcurrentHashMap<String, String> raced = routesByContext.putIfAbsent(context, routes);
    return raced != null ? raced : routes;
  }
}
