package example.servlet.javax;

import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Goes async, then has the container dispatch the request to {@code /work} on another thread. */
public class AsyncDispatchServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync();
    new Thread(() -> async.dispatch("/work"), "shop-dispatcher").start();
  }
}
