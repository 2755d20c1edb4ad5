package io.otelite.instrumentation.httpclient.jdk;

import io.otelite.instrumentation.api.http.client.HttpClientAttributesGetter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

final class JavaHttpClientAttributesGetter
    implements HttpClientAttributesGetter<HttpRequest, HttpResponse<?>> {

  @Override
  public String method(HttpRequest request) {
    return request.method();
  }

  @Override
  public String urlFull(HttpRequest request) {
    return request.uri().toString();
  }

  @Override
  public int statusCode(HttpRequest request, HttpResponse<?> response) {
    return response.statusCode();
  }

  @Override
  public String protocolVersion(HttpRequest request, HttpResponse<?> response) {
    // by name: HTTP_3 exists only in newer JDKs than the one this is compiled for
    switch (response.version().name()) {
      case "HTTP_1_1":
        return "1.1";
      case "HTTP_2":
        return "2";
      case "HTTP_3":
        return "3";
      default:
        return null;
    }
  }
}
