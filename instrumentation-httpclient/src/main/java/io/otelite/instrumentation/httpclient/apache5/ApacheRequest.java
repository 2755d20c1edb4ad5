package io.otelite.instrumentation.httpclient.apache5;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * A request as the client executes it: the request's URI may be relative, with the host given to
 * {@code execute} separately.
 */
final class ApacheRequest {
  final HttpHost target;
  final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }
}
