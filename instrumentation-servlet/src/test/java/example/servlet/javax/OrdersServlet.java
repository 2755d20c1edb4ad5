package example.servlet.javax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /orders/<id>} shows an order, {@code POST /orders/new} creates one (201). */
public class OrdersServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getPathInfo().substring(1);
    response.setHeader("X-Order-Id", id);
    response.getWriter().write("order " + id);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setHeader("X-Order-Id", "1001");
    response.getWriter().write("created " + body);
  }
}
