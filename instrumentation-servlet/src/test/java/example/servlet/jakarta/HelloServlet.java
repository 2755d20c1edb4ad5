package example.servlet.jakarta;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

public class HelloServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // what the application sees on its request, for the test that the agent leaves it alone
    response.setHeader(
        "X-Request-Attributes", String.join(",", Collections.list(request.getAttributeNames())));
    response.setContentType("text/plain");
    response.getWriter().write("hello");
  }
}
