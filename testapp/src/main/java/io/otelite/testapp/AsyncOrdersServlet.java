package io.otelite.testapp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * {@code GET /async?delayMs=N}: the request thread returns at once; a worker thread counts the
 * orders (SQL), waits {@code delayMs} (default 50, as slow work would) and completes the response.
 * The server span must therefore last until the worker completes, not until {@code service}
 * returns.
 */
final class AsyncOrdersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final long MAX_DELAY_MILLIS = 5_000;

  private final transient OrderRepository orders;
  private final transient ExecutorService workers;

  AsyncOrdersServlet(OrderRepository orders, ExecutorService workers) {
    this.orders = orders;
    this.workers = workers;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    long delayMillis = delayMillis(request.getParameter("delayMs"));
    AsyncContext async = request.startAsync();
    async.setTimeout(30_000);
    workers.execute(() -> respondLater(async, delayMillis));
  }

  private void respondLater(AsyncContext async, long delayMillis) {
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      long count = orders.count();
      Thread.sleep(delayMillis);
      Responses.json(
          response,
          200,
          "{\"orders\":"
              + count
              + ",\"thread\":"
              + Json.quote(Thread.currentThread().getName())
              + "}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendQuietly(response, 503, "interrupted");
    } catch (Exception e) {
      sendQuietly(response, 500, "async work failed: " + e);
    } finally {
      async.complete();
    }
  }

  private static void sendQuietly(HttpServletResponse response, int status, String message) {
    try {
      Responses.error(response, status, message);
    } catch (IOException ignored) {
      // the client went away; nothing left to tell it
    }
  }

  private static long delayMillis(String value) {
    try {
      return Math.max(0, Math.min(MAX_DELAY_MILLIS, Long.parseLong(String.valueOf(value))));
    } catch (NumberFormatException e) {
      return 50;
    }
  }
}
