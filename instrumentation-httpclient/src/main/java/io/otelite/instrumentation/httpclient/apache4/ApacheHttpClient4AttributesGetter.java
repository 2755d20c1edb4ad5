package io.otelite.instrumentation.httpclient.apache4;

import io.otelite.instrumentation.api.http.client.HttpClientAttributesGetter;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolVersion;
import org.apache.http.client.methods.HttpUriRequest;

final class ApacheHttpClient4AttributesGetter
    implements HttpClientAttributesGetter<ApacheRequest4, HttpResponse> {

  @Override
  public String getHttpRequestMethod(ApacheRequest4 request) {
    return request.request.getRequestLine().getMethod();
  }

  @Override
  public String getUrlFull(ApacheRequest4 request) {
    String uri =
        request.request instanceof HttpUriRequest
            ? String.valueOf(((HttpUriRequest) request.request).getURI())
            : request.request.getRequestLine().getUri();
    if (request.target == null || uri.contains("://")) {
      return uri;
    }
    return request.target.toURI() + (uri.startsWith("/") ? uri : "/" + uri);
  }

  @Override
  public int getHttpResponseStatusCode(ApacheRequest4 request, HttpResponse response) {
    return response.getStatusLine().getStatusCode();
  }

  @Override
  public String getNetworkProtocolVersion(ApacheRequest4 request, HttpResponse response) {
    ProtocolVersion version = response.getStatusLine().getProtocolVersion();
    return version == null ? null : version.getMajor() + "." + version.getMinor();
  }
}
