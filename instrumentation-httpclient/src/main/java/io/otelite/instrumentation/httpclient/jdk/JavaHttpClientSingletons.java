package io.otelite.instrumentation.httpclient.jdk;

import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The one configured instrumenter (per class loader that loads this package). The JDK's requests
 * are immutable, so there is no header setter: {@link JavaHttpClientCall} extends the headers the
 * JDK copies instead.
 */
final class JavaHttpClientSingletons {
  private static final HttpClientInstrumenter<HttpRequest, HttpResponse<?>> INSTRUMENTER =
      HttpClientInstrumenter.create(
          "io.otelite.java-http-client", new JavaHttpClientAttributesGetter(), null);

  private JavaHttpClientSingletons() {}

  static HttpClientInstrumenter<HttpRequest, HttpResponse<?>> instrumenter() {
    return INSTRUMENTER;
  }
}
