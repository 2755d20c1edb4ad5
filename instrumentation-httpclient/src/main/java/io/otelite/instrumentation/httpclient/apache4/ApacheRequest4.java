package io.otelite.instrumentation.httpclient.apache4;

import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;

/** A request as the client executes it: its URI may be relative, with the host given separately. */
final class ApacheRequest4 {
  final HttpHost target;
  final HttpRequest request;

  ApacheRequest4(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }
}
