package example.servlet.jakarta;

import io.opentelemetry.api.GlobalOpenTelemetry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The error page: does work of its own (a span), as error pages that log or render do. */
public class ErrorPageServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GlobalOpenTelemetry.getTracer("shop").spanBuilder("error-page").startSpan().end();
    response.getWriter().write("sorry");
  }
}
