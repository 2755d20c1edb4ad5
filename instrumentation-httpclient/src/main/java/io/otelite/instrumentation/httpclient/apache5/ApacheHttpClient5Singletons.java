package io.otelite.instrumentation.httpclient.apache5;

import io.opentelemetry.context.propagation.TextMapSetter;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

final class ApacheHttpClient5Singletons {
  /**
   * {@code setHeader}, not {@code addHeader}: a request sent again (or reused) keeps one
   * traceparent.
   */
  static final TextMapSetter<HttpRequest> HEADER_SETTER =
      (request, name, value) -> request.setHeader(name, value);

  static final HttpClientInstrumenter<ApacheRequest, HttpResponse> INSTRUMENTER =
      HttpClientInstrumenter.create(
          "io.otelite.apache-httpclient",
          new ApacheHttpClient5AttributesGetter(),
          (request, name, value) -> HEADER_SETTER.set(request.request, name, value));

  private ApacheHttpClient5Singletons() {}
}
