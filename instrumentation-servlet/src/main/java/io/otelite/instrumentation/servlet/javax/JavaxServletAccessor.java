package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.api.http.server.HeaderValues;
import io.otelite.instrumentation.servlet.ServletAccessor;
import io.otelite.instrumentation.servlet.ServletAsyncCompletion;
import io.otelite.instrumentation.servlet.ServletTracing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.servlet.DispatcherType;
import javax.servlet.Servlet;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Reads {@code javax.servlet} requests and responses (compiled against Servlet 3.1, so that it also
 * runs on 3.0 containers).
 */
final class JavaxServletAccessor
    implements ServletAccessor<HttpServletRequest, HttpServletResponse> {
  /** The one tracing of this namespace (per application class loader, like this class). */
  static final ServletTracing<HttpServletRequest, HttpServletResponse> TRACING =
      new ServletTracing<>(new JavaxServletAccessor());

  @Override
  public HttpServletRequest httpRequest(Object request) {
    return request instanceof HttpServletRequest ? (HttpServletRequest) request : null;
  }

  @Override
  public HttpServletResponse httpResponse(Object response) {
    return response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
  }

  @Override
  public boolean isServlet(Object servletOrFilter) {
    return servletOrFilter instanceof Servlet;
  }

  @Override
  public boolean isRequestDispatch(HttpServletRequest request) {
    return request.getDispatcherType() == DispatcherType.REQUEST;
  }

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
   * The context's own path. {@link HttpServletRequest#getContextPath()} is the part of this
   * request's URI that selected the context, spelled as the client sent it ({@code /sh%6Fp} for
   * {@code /shop} on Tomcat), which would let clients multiply routes; and Tomcat finds it by
   * decoding and normalising the URI again on every call, about a tenth of the bytes an
   * instrumented request allocates.
   */
  @Override
  public String applicationPath(HttpServletRequest request) {
    ServletContext context = request.getServletContext();
    return context != null ? context.getContextPath() : request.getContextPath();
  }

  @Override
  public Object requestAttribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public String mappingPattern(HttpServletRequest request) {
    return JavaxServletMappingPattern.of(request);
  }

  @Override
  public String servletPath(HttpServletRequest request) {
    return request.getServletPath();
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public boolean addAsyncListener(
      HttpServletRequest request, HttpServletResponse response, ServletAsyncCompletion completion) {
    try {
      request.getAsyncContext().addListener(new JavaxAsyncListener(completion), request, response);
      return true;
    } catch (IllegalStateException alreadyCompleted) {
      return false; // completed between isAsyncStarted() and here
    }
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

  /**
   * A servlet may only throw {@code ServletException} and {@code IOException}, so frameworks wrap
   * the application's exception in one (Spring 5's {@code NestedServletException}, Spring 6's
   * "Request processing failed"): the span records what is inside.
   */
  @Override
  public Throwable applicationError(Throwable error) {
    Throwable cause = error;
    while (cause instanceof ServletException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
