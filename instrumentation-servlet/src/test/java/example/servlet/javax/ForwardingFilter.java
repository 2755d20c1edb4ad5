package example.servlet.javax;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

/**
 * Serves old URLs: {@code /legacy/x} is forwarded to {@code /x}, without reaching the rest of the
 * chain.
 */
public class ForwardingFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String target =
        http.getRequestURI().substring(http.getContextPath().length() + "/legacy".length());
    request.getRequestDispatcher(target).forward(request, response);
  }

  // javax.servlet 3.x has no default methods for these
  @Override
  public void init(FilterConfig config) {}

  @Override
  public void destroy() {}
}
