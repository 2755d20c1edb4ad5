package example.servlet.jakarta;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Goes async, then has the container dispatch the request to {@code /work} on another thread. */
public class AsyncDispatchServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync();
    new Thread(() -> async.dispatch("/work"), "shop-dispatcher").start();
  }
}
