package example.servlet.javax;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Makes a span of its own, as application code would: it must become a child of the request's span.
 */
public class WorkServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GlobalOpenTelemetry.getTracer("shop").spanBuilder("work").startSpan().end();
    response.getWriter().write("worked");
  }
}
