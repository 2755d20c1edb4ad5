package example.servlet.javax;

import example.servlet.AsyncGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Returns from {@code service} at once; a thread of its own writes the response when the gate
 * opens.
 */
public class AsyncServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync();
    new Thread(
            () -> {
              AsyncGate.awaitOpen();
              try {
                async.getResponse().getWriter().write("done");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              async.complete();
            },
            "shop-async-worker")
        .start();
  }
}
