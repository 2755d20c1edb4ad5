package example.servlet.javax;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Goes async and never answers: the container times the request out. */
public class AsyncTimeoutServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    request.startAsync().setTimeout(100);
  }
}
