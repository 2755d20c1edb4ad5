package io.otelite.instrumentation.httpclient.apache5;

import io.otelite.instrumentation.httpclient.apache.ApacheHttpClientAccessor;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;

/** HttpClient 5's requests and responses, classic and async alike (HTTP/1.1 and HTTP/2). */
final class ApacheHttpClient5Accessor
    implements ApacheHttpClientAccessor<HttpHost, HttpRequest, HttpResponse> {

  @Override
  public String method(HttpRequest request) {
    return request.getMethod();
  }

  @Override
  public String uri(HttpRequest request) {
    try {
      return request.getUri().toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  @Override
  public String hostUri(HttpHost target) {
    return target.toURI();
  }

  @Override
  public int statusCode(HttpResponse response) {
    return response.getCode();
  }

  @Override
  public String protocolVersion(HttpResponse response) {
    ProtocolVersion version = response.getVersion();
    if (version == null) {
      return null;
    }
    return version.getMinor() == 0 && version.getMajor() > 1
        ? Integer.toString(version.getMajor())
        : version.getMajor() + "." + version.getMinor();
  }

  @Override
  public void setHeader(HttpRequest request, String name, String value) {
    request.setHeader(name, value);
  }
}
