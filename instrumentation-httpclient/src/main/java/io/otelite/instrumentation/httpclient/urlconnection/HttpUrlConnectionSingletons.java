package io.otelite.instrumentation.httpclient.urlconnection;

import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;

/** The one configured instrumenter (per class loader that loads this package). */
final class HttpUrlConnectionSingletons {
  private static final HttpClientInstrumenter<UrlConnectionRequest, Integer> INSTRUMENTER =
      HttpClientInstrumenter.create(
          "io.otelite.http-url-connection",
          new UrlConnectionAttributesGetter(),
          HttpUrlConnectionSingletons::setHeader);

  private HttpUrlConnectionSingletons() {}

  static HttpClientInstrumenter<UrlConnectionRequest, Integer> instrumenter() {
    return INSTRUMENTER;
  }

  private static void setHeader(UrlConnectionRequest request, String name, String value) {
    try {
      request.connection.setRequestProperty(name, value);
    } catch (IllegalStateException alreadyConnected) {
      // connected before the agent saw it: the span still records the call
    }
  }
}
