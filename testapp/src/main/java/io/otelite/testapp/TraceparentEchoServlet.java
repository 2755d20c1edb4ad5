package io.otelite.testapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /traceparent}: answers the {@code traceparent} header it received, or "none", as text.
 */
final class TraceparentEchoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String traceparent = request.getHeader("traceparent");
    response.setStatus(200);
    response.setContentType("text/plain");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(traceparent == null ? "none" : traceparent);
  }
}
