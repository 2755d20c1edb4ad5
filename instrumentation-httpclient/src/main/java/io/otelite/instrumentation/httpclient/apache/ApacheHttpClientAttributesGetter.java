package io.otelite.instrumentation.httpclient.apache;

import io.otelite.instrumentation.api.http.client.HttpClientAttributesGetter;

/** Reads a call of either version through its accessor; joins a relative URI to its target. */
final class ApacheHttpClientAttributesGetter<HOST, REQUEST, RESPONSE>
    implements HttpClientAttributesGetter<ApacheRequest<HOST, REQUEST>, RESPONSE> {
  private final ApacheHttpClientAccessor<HOST, REQUEST, RESPONSE> accessor;

  ApacheHttpClientAttributesGetter(ApacheHttpClientAccessor<HOST, REQUEST, RESPONSE> accessor) {
    this.accessor = accessor;
  }

  @Override
  public String method(ApacheRequest<HOST, REQUEST> request) {
    return accessor.method(request.request);
  }

  @Override
  public String urlFull(ApacheRequest<HOST, REQUEST> request) {
    String uri = accessor.uri(request.request);
    if (uri == null || request.target == null || hasScheme(uri)) {
      return uri;
    }
    String host = accessor.hostUri(request.target);
    return uri.startsWith("/") ? host + uri : host + '/' + uri;
  }

  @Override
  public int statusCode(ApacheRequest<HOST, REQUEST> request, RESPONSE response) {
    return accessor.statusCode(response);
  }

  @Override
  public String protocolVersion(ApacheRequest<HOST, REQUEST> request, RESPONSE response) {
    return accessor.protocolVersion(response);
  }

  /**
   * RFC 3986: an absolute URI starts with a scheme (a letter, then letters, digits, {@code +},
   * {@code -} or {@code .}) and a colon; a relative one cannot, even with a URL in its query.
   */
  static boolean hasScheme(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == ':') {
        return i > 0;
      }
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean laterSchemeChar = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
      if (!letter && (i == 0 || !laterSchemeChar)) {
        return false;
      }
    }
    return false;
  }
}
