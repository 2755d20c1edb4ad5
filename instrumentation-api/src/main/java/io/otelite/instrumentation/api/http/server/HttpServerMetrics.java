package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stable semconv HTTP server metrics: {@code http.server.request.duration} (whose count is the
 * request count) and {@code http.server.active_requests}.
 */
public final class HttpServerMetrics {
  public static final String DURATION = "http.server.request.duration";
  public static final String ACTIVE_REQUESTS = "http.server.active_requests";

  /** Semconv's advice for HTTP durations, in seconds. */
  public static final List<Double> DURATION_BUCKETS =
      Collections.unmodifiableList(
          Arrays.asList(
              0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0));

  private static final double NANOS_PER_SECOND = 1e9;

  /** More methods than the known ones plus {@code _OTHER} are a configuration error. */
  private static final int MAX_CACHED_METHODS = 64;

  private final DoubleHistogram duration;
  private final LongUpDownCounter activeRequests;

  // the active-request attributes of each method, per scheme: made once, not per request
  private final ConcurrentHashMap<String, Attributes> activeHttp = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Attributes> activeHttps = new ConcurrentHashMap<>();

  private HttpServerMetrics(DoubleHistogram duration, LongUpDownCounter activeRequests) {
    this.duration = duration;
    this.activeRequests = activeRequests;
  }

  public static HttpServerMetrics create(Meter meter) {
    return new HttpServerMetrics(
        meter
            .histogramBuilder(DURATION)
            .setUnit("s")
            .setDescription("Duration of HTTP server requests.")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build(),
        meter
            .upDownCounterBuilder(ACTIVE_REQUESTS)
            .setUnit("{request}")
            .setDescription("Number of active HTTP server requests.")
            .build());
  }

  /**
   * The attributes of {@code http.server.active_requests} for a request: {@code method} (as
   * normalised by {@link io.otelite.instrumentation.api.http.KnownHttpMethods}) and {@code scheme}
   * (may be {@code null}).
   */
  Attributes activeRequestAttributes(String method, String scheme) {
    ConcurrentHashMap<String, Attributes> byMethod =
        "http".equals(scheme) ? activeHttp : "https".equals(scheme) ? activeHttps : null;
    if (byMethod == null) {
      return activeRequestAttributesOf(method, scheme);
    }
    Attributes attributes = byMethod.get(method);
    if (attributes == null) {
      attributes = activeRequestAttributesOf(method, scheme);
      if (byMethod.size() < MAX_CACHED_METHODS) {
        byMethod.put(method, attributes);
      }
    }
    return attributes;
  }

  private static Attributes activeRequestAttributesOf(String method, String scheme) {
    return scheme == null
        ? Attributes.of(HttpAttributes.HTTP_REQUEST_METHOD, method)
        : Attributes.of(
            HttpAttributes.HTTP_REQUEST_METHOD, method, UrlAttributes.URL_SCHEME, scheme);
  }

  /**
   * {@code activeAttributes}: method and scheme, the same on start and end so that the count
   * returns to 0.
   */
  void requestStarted(Attributes activeAttributes, Context context) {
    activeRequests.add(1, activeAttributes, context);
  }

  void requestEnded(
      Attributes activeAttributes,
      Attributes durationAttributes,
      long durationNanos,
      Context context) {
    activeRequests.add(-1, activeAttributes, context);
    duration.record(durationNanos / NANOS_PER_SECOND, durationAttributes, context);
  }
}
