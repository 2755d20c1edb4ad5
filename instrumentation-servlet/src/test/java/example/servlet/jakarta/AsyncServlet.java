package example.servlet.jakarta;

import example.servlet.AsyncGate;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

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
