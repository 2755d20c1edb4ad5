package io.otelite.testapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The default servlet ({@code /}): every path no other servlet maps, such as {@code
 * /missing-thing}, is a 404 answered by a servlet, as a real container's default servlet does.
 */
final class NotFoundServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Responses.error(response, 404, "no such resource: " + request.getRequestURI());
  }
}
