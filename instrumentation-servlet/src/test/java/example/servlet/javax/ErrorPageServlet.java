package example.servlet.javax;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The error page: does work of its own (a span), as error pages that log or render do. */
public class ErrorPageServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GlobalOpenTelemetry.getTracer("shop").spanBuilder("error-page").startSpan().end();
    response.getWriter().write("sorry");
  }
}
