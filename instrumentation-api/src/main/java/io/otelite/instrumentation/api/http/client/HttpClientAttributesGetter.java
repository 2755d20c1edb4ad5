package io.otelite.instrumentation.api.http.client;

/**
 * What one HTTP client library tells the shared {@link HttpClientInstrumenter}: how to read the
 * method, URL, status and protocol from its own request and response objects. Everything else (span
 * name, semconv attributes, status, redaction, metrics) is decided in one place for all clients.
 *
 * <p>Named like the server's getter: each method says which value it reads. Implementations live in
 * the library's helper package and must be cheap: they run on every call.
 */
public interface HttpClientAttributesGetter<REQUEST, RESPONSE> {

  /** The method as the library will send it, e.g. {@code GET}; {@code null} if unknown. */
  String method(REQUEST request);

  /**
   * The absolute URL as the library knows it, user-info and query included: the instrumenter
   * redacts it. {@code null} if unknown.
   */
  String urlFull(REQUEST request);

  /** The response's status code, or 0 if there is none. */
  int statusCode(REQUEST request, RESPONSE response);

  /** {@code 1.0}, {@code 1.1}, {@code 2} or {@code 3}; {@code null} if unknown. */
  String protocolVersion(REQUEST request, RESPONSE response);
}
