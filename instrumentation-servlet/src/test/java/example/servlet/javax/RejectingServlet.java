package example.servlet.javax;

import example.servlet.OrderRejected;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
