package io.otelite.testapp;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/** {@code GET /orders/{id}} (mapped as {@code /orders/*}): one order, 404 when there is none. */
final class OrderByIdServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient OrderRepository orders;

  OrderByIdServlet(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String pathInfo = request.getPathInfo(); // "/42"
    long id;
    try {
      id = Long.parseLong(pathInfo == null ? "" : pathInfo.substring(1));
    } catch (NumberFormatException e) {
      Responses.error(response, 400, "an order id is a number: /orders/{id}");
      return;
    }
    try {
      Optional<Order> order = orders.find(id);
      if (order.isPresent()) {
        Responses.json(response, 200, order.get().toJson());
      } else {
        Responses.error(response, 404, "no order " + id);
      }
    } catch (SQLException e) {
      throw new ServletException("could not read order " + id, e);
    }
  }
}
