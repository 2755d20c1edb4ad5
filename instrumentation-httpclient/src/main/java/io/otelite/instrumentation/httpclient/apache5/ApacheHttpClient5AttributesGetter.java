package io.otelite.instrumentation.httpclient.apache5;

import io.otelite.instrumentation.api.http.client.HttpClientAttributesGetter;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;

final class ApacheHttpClient5AttributesGetter
    implements HttpClientAttributesGetter<ApacheRequest, HttpResponse> {

  @Override
  public String getHttpRequestMethod(ApacheRequest request) {
    return request.request.getMethod();
  }

  @Override
  public String getUrlFull(ApacheRequest request) {
    try {
      URI uri = request.request.getUri();
      if (uri.isAbsolute() || request.target == null) {
        return uri.toString();
      }
      return request.target.toURI() + uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  @Override
  public int getHttpResponseStatusCode(ApacheRequest request, HttpResponse response) {
    return response.getCode();
  }

  @Override
  public String getNetworkProtocolVersion(ApacheRequest request, HttpResponse response) {
    ProtocolVersion version = response.getVersion();
    if (version == null) {
      return null;
    }
    return version.getMinor() == 0 && version.getMajor() > 1
        ? Integer.toString(version.getMajor())
        : version.getMajor() + "." + version.getMinor();
  }
}
