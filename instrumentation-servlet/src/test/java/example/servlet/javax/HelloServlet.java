package example.servlet.javax;

import java.io.IOException;
import java.util.Collections;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
