package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes of {@code http.server.request.duration} for one request. A route's requests nearly
 * all end alike (same method, scheme, protocol and status), so each method and route keeps the
 * attributes its last request ended with and the next one that ends alike takes them as they are,
 * instead of building, sorting and boxing them again. Bounded like the span names: routes are few,
 * and the cache starts over when full.
 */
final class DurationAttributes {
  static final int MAX_CACHED_ROUTES = 1024;

  /** Per method, per route (the empty string for none), how its last request ended. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Ended>> lastEnded =
      new ConcurrentHashMap<>();

  Attributes of(
      String method,
      String scheme,
      String route,
      String protocolVersion,
      String errorType,
      int statusCode) {
    ConcurrentHashMap<String, Ended> byRoute = lastEnded.get(method);
    if (byRoute == null) {
      byRoute = lastEnded.computeIfAbsent(method, unused -> new ConcurrentHashMap<>());
    }
    String routeKey = route == null ? "" : route;
    Ended last = byRoute.get(routeKey);
    if (last != null && last.matches(scheme, protocolVersion, errorType, statusCode)) {
      return last.attributes;
    }
    Attributes attributes = build(method, scheme, route, protocolVersion, errorType, statusCode);
    if (byRoute.size() >= MAX_CACHED_ROUTES) {
      byRoute.clear();
    }
    byRoute.put(routeKey, new Ended(scheme, protocolVersion, errorType, statusCode, attributes));
    return attributes;
  }

  private static Attributes build(
      String method,
      String scheme,
      String route,
      String protocolVersion,
      String errorType,
      int statusCode) {
    AttributesBuilder duration =
        Attributes.builder().put(HttpAttributes.HTTP_REQUEST_METHOD, method);
    putIfPresent(duration, UrlAttributes.URL_SCHEME, scheme);
    putIfPresent(duration, HttpAttributes.HTTP_ROUTE, route);
    putIfPresent(duration, NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocolVersion);
    putIfPresent(duration, ErrorAttributes.ERROR_TYPE, errorType);
    if (statusCode > 0) {
      duration.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
    }
    return duration.build();
  }

  private static void putIfPresent(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }

  /** What a request of one method and route ended with, and the attributes that made. */
  private static final class Ended {
    final String scheme;
    final String protocolVersion;
    final String errorType;
    final int statusCode;
    final Attributes attributes;

    Ended(
        String scheme,
        String protocolVersion,
        String errorType,
        int statusCode,
        Attributes attributes) {
      this.scheme = scheme;
      this.protocolVersion = protocolVersion;
      this.errorType = errorType;
      this.statusCode = statusCode;
      this.attributes = attributes;
    }

    boolean matches(String scheme, String protocolVersion, String errorType, int statusCode) {
      return this.statusCode == statusCode
          && Objects.equals(this.scheme, scheme)
          && Objects.equals(this.protocolVersion, protocolVersion)
          && Objects.equals(this.errorType, errorType);
    }
  }
}
