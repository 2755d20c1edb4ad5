package io.otelite.instrumentation.api.http.server;

import java.util.List;

/**
 * How to read one server library's request and response. This is all a server instrumentation has
 * to write: {@link HttpServerInstrumenter} turns the answers into spans, attributes and metrics.
 *
 * <p>Methods return {@code null} (or {@code 0} for ports and status codes) when the library does
 * not know. They are called on the request thread and must be cheap and must not throw.
 */
public interface HttpServerAttributesGetter<REQUEST, RESPONSE> {

  /** The method exactly as received, e.g. {@code GET}. */
  String method(REQUEST request);

  /** {@code http} or {@code https}, as the server saw the connection. */
  String scheme(REQUEST request);

  /** The path as received, not decoded, without the query. */
  String path(REQUEST request);

  /** The query as received, without the {@code ?}. */
  String query(REQUEST request);

  /** The protocol as the request line named it, e.g. {@code HTTP/1.1}. */
  String protocol(REQUEST request);

  /**
   * The host the client addressed, from {@code Host} or {@code :authority}, as the library parsed
   * it.
   */
  String serverAddress(REQUEST request);

  /** The port the client addressed (the scheme's default when the {@code Host} header has none). */
  int serverPort(REQUEST request);

  /** The address of the other end of the connection. */
  String peerAddress(REQUEST request);

  int peerPort(REQUEST request);

  /**
   * The first value of a request header; {@code name} is lower case, lookup is case-insensitive.
   */
  String requestHeader(REQUEST request, String name);

  /** Every value of a request header, in order; empty when absent. */
  List<String> requestHeaderValues(REQUEST request, String name);

  /**
   * Whether the request carries more than one field of a header. Propagators ask it of {@code
   * traceparent} on every request, where the answer is nearly always no: a library that can tell
   * without building the list of values overrides this.
   */
  default boolean requestHeaderRepeated(REQUEST request, String name) {
    return requestHeaderValues(request, name).size() > 1;
  }

  /** The names of all request headers, for propagators that look for prefixes. */
  Iterable<String> requestHeaderNames(REQUEST request);

  /**
   * The status the client receives. {@code error} is what escaped the application, if anything, for
   * libraries whose container turns an escaped exception into a status the response does not show
   * yet.
   */
  int statusCode(RESPONSE response, Throwable error);

  /** Every value of a response header; empty when absent. */
  List<String> responseHeaderValues(RESPONSE response, String name);

  /**
   * The path under which the application is deployed (the servlet context path), which goes in
   * front of routes that a framework reports relative to its application; empty at the root.
   */
  default String applicationPath(REQUEST request) {
    return "";
  }

  /**
   * What the library keeps with the request under {@code name} (a servlet request attribute), for
   * frameworks that leave the pattern they matched there; {@code null} when absent.
   */
  default Object requestAttribute(REQUEST request, String name) {
    return null;
  }

  /**
   * The application's own exception inside the wrappers a container or framework puts around it on
   * the way out (such as {@code ServletException}), so that the span records the cause, not the
   * envelope.
   */
  default Throwable applicationError(Throwable error) {
    return error;
  }
}
