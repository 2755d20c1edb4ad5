package io.otelite.instrumentation.api.http.client;

import io.otelite.instrumentation.api.http.KnownHttpMethods;

/**
 * The user's choices that shape HTTP client telemetry, read once when an instrumentation starts.
 */
public final class HttpClientSettings {
  private final KnownHttpMethods knownMethods;
  private final UrlRedactor urlRedactor;

  private HttpClientSettings(KnownHttpMethods knownMethods, UrlRedactor urlRedactor) {
    this.knownMethods = knownMethods;
    this.urlRedactor = urlRedactor;
  }

  /**
   * {@code otel.instrumentation.http.known-methods} and {@code
   * otel.instrumentation.http.client.sensitive-query-parameters}, as the OpenTelemetry agent reads
   * them.
   */
  public static HttpClientSettings fromInstrumentationConfig() {
    return of(KnownHttpMethods.fromInstrumentationConfig(), UrlRedactor.fromConfig());
  }

  public static HttpClientSettings of(KnownHttpMethods knownMethods, UrlRedactor urlRedactor) {
    return new HttpClientSettings(knownMethods, urlRedactor);
  }

  KnownHttpMethods knownMethods() {
    return knownMethods;
  }

  UrlRedactor urlRedactor() {
    return urlRedactor;
  }
}
