package io.otelite.instrumentation.servlet.jakarta;

import io.otelite.instrumentation.api.http.server.HeaderValues;
import io.otelite.instrumentation.api.http.server.HttpServerAttributesGetter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Reads {@code jakarta.servlet} requests and responses for the shared HTTP server instrumenter. */
final class JakartaServletAttributesGetter
    implements HttpServerAttributesGetter<HttpServletRequest, HttpServletResponse> {

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String query(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public String protocol(HttpServletRequest request) {
    return request.getProtocol();
  }

  @Override
  public String serverAddress(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String peerAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public int peerPort(HttpServletRequest request) {
    return request.getRemotePort();
  }

  @Override
  public String requestHeader(HttpServletRequest request, String name) {
    return request.getHeader(name);
  }

  @Override
  public List<String> requestHeaderValues(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? Collections.emptyList() : Collections.list(values);
  }

  @Override
  public boolean requestHeaderRepeated(HttpServletRequest request, String name) {
    return HeaderValues.moreThanOne(request.getHeaders(name));
  }

  @Override
  public Iterable<String> requestHeaderNames(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.emptyList() : Collections.list(names);
  }

  /**
   * The servlet spec has the container answer 500 for an exception that escapes the application,
   * unless the response was already committed; at this point the response does not show it yet.
   */
  @Override
  public int statusCode(HttpServletResponse response, Throwable error) {
    if (error != null && !response.isCommitted()) {
      return 500;
    }
    return response.getStatus();
  }

  @Override
  public List<String> responseHeaderValues(HttpServletResponse response, String name) {
    Collection<String> values = response.getHeaders(name);
    return values == null || values.isEmpty() ? Collections.emptyList() : new ArrayList<>(values);
  }
}
