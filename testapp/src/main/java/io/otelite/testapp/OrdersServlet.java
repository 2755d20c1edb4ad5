package io.otelite.testapp;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/**
 * {@code GET /orders} lists the orders (a SQL read); {@code POST /orders?item=..&quantity=..}
 * (query or form parameters) creates one in a transaction.
 */
final class OrdersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient OrderRepository orders;

  OrdersServlet(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    try {
      Responses.json(response, 200, Json.array(orders.list(), Order::toJson));
    } catch (SQLException e) {
      throw new ServletException("could not read the orders", e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String item = request.getParameter("item");
    if (item == null || item.isBlank() || item.length() > 100) {
      Responses.error(response, 400, "parameter 'item' is required (1 to 100 characters)");
      return;
    }
    int quantity;
    try {
      quantity = Integer.parseInt(String.valueOf(request.getParameter("quantity")));
    } catch (NumberFormatException e) {
      quantity = 1;
    }
    if (quantity < 1) {
      Responses.error(response, 400, "parameter 'quantity' must be at least 1");
      return;
    }
    try {
      Order created = orders.create(item, quantity);
      response.setHeader("Location", "/orders/" + created.id());
      Responses.json(response, 201, created.toJson());
    } catch (SQLException e) {
      throw new ServletException("could not create the order", e);
    }
  }
}
