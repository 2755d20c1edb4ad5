package example.servlet.javax;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/** A filter in front of the orders servlet: the request's outermost call. */
public class OrderTagFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ((HttpServletResponse) response).setHeader("X-Filtered", "true");
    chain.doFilter(request, response);
  }

  // javax.servlet 3.x has no default methods for these
  @Override
  public void init(FilterConfig config) {}

  @Override
  public void destroy() {}
}
