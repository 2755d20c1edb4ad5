package io.otelite.instrumentation.httpclient.urlconnection;

import java.net.HttpURLConnection;

/**
 * A connection as the instrumenter reads it, with the method it is about to send: {@code
 * getOutputStream} turns a {@code GET} into a {@code POST} only after the span has started.
 */
final class UrlConnectionRequest {
  final HttpURLConnection connection;
  final String method;

  UrlConnectionRequest(HttpURLConnection connection, String method) {
    this.connection = connection;
    this.method = method;
  }
}
