package io.otelite.instrumentation.httpclient.urlconnection;

import io.otelite.instrumentation.api.http.client.HttpClientAttributesGetter;

/**
 * The response is the status code; the protocol version comes from the status line, e.g. {@code
 * HTTP/1.1 200 OK}.
 */
final class UrlConnectionAttributesGetter
    implements HttpClientAttributesGetter<UrlConnectionRequest, Integer> {

  @Override
  public String method(UrlConnectionRequest request) {
    return request.method;
  }

  @Override
  public String urlFull(UrlConnectionRequest request) {
    return request.connection.getURL().toExternalForm();
  }

  @Override
  public int statusCode(UrlConnectionRequest request, Integer statusCode) {
    return statusCode;
  }

  @Override
  public String protocolVersion(UrlConnectionRequest request, Integer statusCode) {
    // only called once the response has arrived, so this reads the parsed headers and sends nothing
    String statusLine = request.connection.getHeaderField(0);
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      return null;
    }
    int end = statusLine.indexOf(' ');
    return end > 5 ? statusLine.substring(5, end) : null;
  }
}
