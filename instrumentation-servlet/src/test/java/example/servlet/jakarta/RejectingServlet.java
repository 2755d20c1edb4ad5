package example.servlet.jakarta;

import example.servlet.OrderRejected;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Fails as frameworks make servlets fail: the application's exception inside a ServletException.
 */
public class RejectingServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException {
    throw new ServletException("Request processing failed", new OrderRejected("out of stock"));
  }
}
