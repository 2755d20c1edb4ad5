package example.servlet;

import java.util.List;

/**
 * The test application every container serves under {@value #CONTEXT_PATH}: which servlet and
 * filter class is mapped to which URL pattern. The classes exist twice, in {@code
 * example.servlet.jakarta} and {@code example.servlet.javax}, with the same simple names; a
 * container registers them by class name.
 *
 * <p>They live outside {@code io.otelite.*} because the agent never instruments its own packages.
 */
public final class ShopApp {
  public static final String CONTEXT_PATH = "/shop";

  public static final List<Mapping> SERVLETS =
      List.of(
          new Mapping("HelloServlet", "/hello"),
          new Mapping("OrdersServlet", "/orders/*"),
          new Mapping("FailingServlet", "/fail"),
          new Mapping("WorkServlet", "/work"),
          new Mapping("AsyncServlet", "/async"),
          new Mapping("AsyncDispatchServlet", "/async-dispatch"),
          new Mapping("AsyncTimeoutServlet", "/async-timeout"),
          new Mapping("RejectingServlet", "/reject"),
          new Mapping("ErrorPageServlet", "/error-page"));

  /** The error page for {@link OrderRejected}, wherever it is thrown. */
  public static final String ERROR_PAGE = "/error-page";

  /** Filters apply to dispatcher type REQUEST only (the default). */
  public static final List<Mapping> FILTERS =
      List.of(
          new Mapping("OrderTagFilter", "/orders/*"), new Mapping("ForwardingFilter", "/legacy/*"));

  private ShopApp() {}

  /** {@code simpleClassName} is resolved in the servlet API's package of the test app. */
  public record Mapping(String simpleClassName, String urlPattern) {
    public String className(String servletPackage) {
      return servletPackage + '.' + simpleClassName;
    }
  }
}
