package io.otelite.instrumentation.httpclient.apache4;

import io.otelite.instrumentation.httpclient.apache.ApacheHttpClientAccessor;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolVersion;
import org.apache.http.client.methods.HttpUriRequest;

/** HttpClient 4's request line and status line; it speaks HTTP/1.x only. */
final class ApacheHttpClient4Accessor
    implements ApacheHttpClientAccessor<HttpHost, HttpRequest, HttpResponse> {

  @Override
  public String method(HttpRequest request) {
    return request.getRequestLine().getMethod();
  }

  @Override
  public String uri(HttpRequest request) {
    URI uri = request instanceof HttpUriRequest ? ((HttpUriRequest) request).getURI() : null;
    return uri != null ? uri.toString() : request.getRequestLine().getUri();
  }

  @Override
  public String hostUri(HttpHost target) {
    return target.toURI();
  }

  @Override
  public int statusCode(HttpResponse response) {
    return response.getStatusLine().getStatusCode();
  }

  @Override
  public String protocolVersion(HttpResponse response) {
    ProtocolVersion version = response.getStatusLine().getProtocolVersion();
    return version == null ? null : version.getMajor() + "." + version.getMinor();
  }

  @Override
  public void setHeader(HttpRequest request, String name, String value) {
    request.setHeader(name, value);
  }
}
