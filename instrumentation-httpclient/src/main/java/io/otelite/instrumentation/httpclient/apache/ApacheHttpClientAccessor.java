package io.otelite.instrumentation.httpclient.apache;

/**
 * What differs between Apache HttpClient 4 and 5 for the code they share: the types, and how a
 * request line, a status line and a header are read or written. Each version implements it in its
 * helper package; everything else about a call is decided once, here.
 *
 * @param <HOST> the version's {@code HttpHost}
 * @param <REQUEST> the version's request type
 * @param <RESPONSE> the version's response type
 */
public interface ApacheHttpClientAccessor<HOST, REQUEST, RESPONSE> {

  /** The method as the client will send it, e.g. {@code GET}. */
  String method(REQUEST request);

  /**
   * The request's URI as the client holds it: absolute, or relative to the target host given to
   * {@code execute}; {@code null} if it cannot be read.
   */
  String uri(REQUEST request);

  /** The target as a URL prefix, {@code scheme://host:port}. */
  String hostUri(HOST target);

  int statusCode(RESPONSE response);

  /** {@code 1.1}, {@code 2}; {@code null} if unknown. */
  String protocolVersion(RESPONSE response);

  /**
   * Sets one header, replacing any of that name: a request sent again (or reused) keeps one {@code
   * traceparent}.
   */
  void setHeader(REQUEST request, String name, String value);
}
