package example.servlet.jakarta;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

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
}
