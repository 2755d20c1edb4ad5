package example.servlet.jakarta;

import io.opentelemetry.api.GlobalOpenTelemetry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
