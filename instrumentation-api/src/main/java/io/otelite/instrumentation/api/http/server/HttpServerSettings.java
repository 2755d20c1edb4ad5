package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.semconv.HttpAttributes;
import io.otelite.instrumentation.api.InstrumentationConfig;
import io.otelite.instrumentation.api.http.KnownHttpMethods;
import java.util.Collection;

/**
 * The user's choices that shape HTTP server telemetry, read once when an instrumentation starts.
 */
public final class HttpServerSettings {
  /** The OpenTelemetry agent's keys, so that existing configuration keeps working. */
  public static final String CAPTURE_REQUEST_HEADERS_KEY =
      "otel.instrumentation.http.server.capture-request-headers";

  public static final String CAPTURE_RESPONSE_HEADERS_KEY =
      "otel.instrumentation.http.server.capture-response-headers";

  /**
   * Paths whose requests make no span and no metric: exact, or a prefix with a trailing {@code *}.
   */
  public static final String EXCLUDED_PATHS_KEY = "otel.instrumentation.http.server.excluded-paths";

  private final KnownHttpMethods knownMethods;
  private final CapturedHttpHeaders capturedRequestHeaders;
  private final CapturedHttpHeaders capturedResponseHeaders;
  private final ExcludedPaths excludedPaths;

  private HttpServerSettings(
      KnownHttpMethods knownMethods,
      CapturedHttpHeaders capturedRequestHeaders,
      CapturedHttpHeaders capturedResponseHeaders,
      ExcludedPaths excludedPaths) {
    this.knownMethods = knownMethods;
    this.capturedRequestHeaders = capturedRequestHeaders;
    this.capturedResponseHeaders = capturedResponseHeaders;
    this.excludedPaths = excludedPaths;
  }

  public static HttpServerSettings fromInstrumentationConfig() {
    return of(
            InstrumentationConfig.getList(KnownHttpMethods.CONFIG_KEY),
            InstrumentationConfig.getList(CAPTURE_REQUEST_HEADERS_KEY),
            InstrumentationConfig.getList(CAPTURE_RESPONSE_HEADERS_KEY))
        .withExcludedPaths(InstrumentationConfig.getList(EXCLUDED_PATHS_KEY));
  }

  /** {@code knownMethods} empty means semconv's default set. */
  public static HttpServerSettings of(
      Collection<String> knownMethods,
      Collection<String> requestHeaders,
      Collection<String> responseHeaders) {
    return new HttpServerSettings(
        KnownHttpMethods.of(knownMethods),
        CapturedHttpHeaders.of(requestHeaders, HttpAttributes.HTTP_REQUEST_HEADER),
        CapturedHttpHeaders.of(responseHeaders, HttpAttributes.HTTP_RESPONSE_HEADER),
        ExcludedPaths.of(null));
  }

  /**
   * These settings, but requests to {@code paths} (exact, or prefix with a trailing {@code *}) are
   * not traced.
   */
  public HttpServerSettings withExcludedPaths(Collection<String> paths) {
    return new HttpServerSettings(
        knownMethods, capturedRequestHeaders, capturedResponseHeaders, ExcludedPaths.of(paths));
  }

  KnownHttpMethods knownMethods() {
    return knownMethods;
  }

  CapturedHttpHeaders capturedRequestHeaders() {
    return capturedRequestHeaders;
  }

  CapturedHttpHeaders capturedResponseHeaders() {
    return capturedResponseHeaders;
  }

  ExcludedPaths excludedPaths() {
    return excludedPaths;
  }
}
