package io.otelite.instrumentation.httpclient.apache5;

import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.httpclient.apache.ApacheClassicCalls;
import io.otelite.instrumentation.httpclient.apache.ApacheHttpClientInstrumenters;
import io.otelite.instrumentation.httpclient.apache.ApacheRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The one configured instrumenter, shared by the classic and the async client (per application
 * class loader, like every class here).
 */
final class ApacheHttpClient5Singletons {
  private static final ApacheHttpClient5Accessor ACCESSOR = new ApacheHttpClient5Accessor();
  private static final HttpClientInstrumenter<ApacheRequest<HttpHost, HttpRequest>, HttpResponse>
      INSTRUMENTER = ApacheHttpClientInstrumenters.create(ACCESSOR);
  private static final ApacheClassicCalls<HttpHost, HttpRequest, HttpResponse> CLASSIC_CALLS =
      new ApacheClassicCalls<>(CloseableHttpClient.class, INSTRUMENTER, ACCESSOR);

  private ApacheHttpClient5Singletons() {}

  static HttpClientInstrumenter<ApacheRequest<HttpHost, HttpRequest>, HttpResponse> instrumenter() {
    return INSTRUMENTER;
  }

  static ApacheClassicCalls<HttpHost, HttpRequest, HttpResponse> classicCalls() {
    return CLASSIC_CALLS;
  }
}
