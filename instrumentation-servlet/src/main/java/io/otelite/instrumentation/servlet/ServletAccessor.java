package io.otelite.instrumentation.servlet;

import io.otelite.instrumentation.api.http.server.HttpServerAttributesGetter;

/**
 * How to read one servlet namespace's requests and responses ({@code javax.servlet} or {@code
 * jakarta.servlet}): what the HTTP server instrumenter reads, and what {@link ServletTracing} needs
 * besides. This is all that exists once per namespace; the logic that uses it exists once.
 */
public interface ServletAccessor<REQUEST, RESPONSE>
    extends HttpServerAttributesGetter<REQUEST, RESPONSE> {

  /** {@code request} as an HTTP request of this namespace, or {@code null}. */
  REQUEST httpRequest(Object request);

  /** {@code response} as an HTTP response of this namespace, or {@code null}. */
  RESPONSE httpResponse(Object response);

  /** Whether the instrumented object is a servlet (not a filter). */
  boolean isServlet(Object servletOrFilter);

  /**
   * Whether this call is the container's first dispatch of the request (not an error or async one).
   */
  boolean isRequestDispatch(REQUEST request);

  void setAttribute(REQUEST request, String name, Object value);

  /**
   * The pattern of the servlet mapping that matched, or {@code null} when the container cannot
   * tell.
   */
  String mappingPattern(REQUEST request);

  String servletPath(REQUEST request);

  boolean isAsyncStarted(REQUEST request);

  /**
   * Has {@code completion} told when the async request completes; {@code false} when it already
   * has.
   */
  boolean addAsyncListener(REQUEST request, RESPONSE response, ServletAsyncCompletion completion);
}
