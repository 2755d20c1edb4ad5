package io.otelite.benchmarks;

import io.otelite.instrumentation.api.http.server.HttpServerAttributesGetter;
import java.util.List;

/**
 * Reads {@link BenchmarkRequest}s as the servlet getter reads a container's requests: plain field
 * reads.
 */
final class BenchmarkRequestGetter
    implements HttpServerAttributesGetter<BenchmarkRequest, BenchmarkResponse> {
  @Override
  public String method(BenchmarkRequest request) {
    return request.method;
  }

  @Override
  public String scheme(BenchmarkRequest request) {
    return "http";
  }

  @Override
  public String path(BenchmarkRequest request) {
    return request.path;
  }

  @Override
  public String query(BenchmarkRequest request) {
    return request.query;
  }

  @Override
  public String protocol(BenchmarkRequest request) {
    return "HTTP/1.1";
  }

  @Override
  public String serverAddress(BenchmarkRequest request) {
    return "localhost";
  }

  @Override
  public int serverPort(BenchmarkRequest request) {
    return 8080;
  }

  @Override
  public String peerAddress(BenchmarkRequest request) {
    return "127.0.0.1";
  }

  @Override
  public int peerPort(BenchmarkRequest request) {
    return 53412;
  }

  @Override
  public String requestHeader(BenchmarkRequest request, String name) {
    return request.header(name);
  }

  @Override
  public List<String> requestHeaderValues(BenchmarkRequest request, String name) {
    return request.headers(name);
  }

  /**
   * A scan, as {@link #requestHeader}; a servlet container's {@code getHeaders} allocates an
   * enumeration for it on top (Tomcat's: 32 bytes).
   */
  @Override
  public boolean requestHeaderRepeated(BenchmarkRequest request, String name) {
    return request.headerCount(name) > 1;
  }

  @Override
  public Iterable<String> requestHeaderNames(BenchmarkRequest request) {
    return request.headerNames();
  }

  @Override
  public int statusCode(BenchmarkResponse response, Throwable error) {
    return response.status;
  }

  @Override
  public List<String> responseHeaderValues(BenchmarkResponse response, String name) {
    return List.of();
  }
}
