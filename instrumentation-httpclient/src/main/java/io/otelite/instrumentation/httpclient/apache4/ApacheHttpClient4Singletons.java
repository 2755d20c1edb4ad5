package io.otelite.instrumentation.httpclient.apache4;

import io.otelite.instrumentation.httpclient.apache.ApacheClassicCalls;
import io.otelite.instrumentation.httpclient.apache.ApacheHttpClientInstrumenters;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.client.CloseableHttpClient;

/** The one configured instrumenter (per application class loader, like every class here). */
final class ApacheHttpClient4Singletons {
  private static final ApacheHttpClient4Accessor ACCESSOR = new ApacheHttpClient4Accessor();
  private static final ApacheClassicCalls<HttpHost, HttpRequest, HttpResponse> CLASSIC_CALLS =
      new ApacheClassicCalls<>(
          CloseableHttpClient.class, ApacheHttpClientInstrumenters.create(ACCESSOR), ACCESSOR);

  private ApacheHttpClient4Singletons() {}

  static ApacheClassicCalls<HttpHost, HttpRequest, HttpResponse> classicCalls() {
    return CLASSIC_CALLS;
  }
}
