package example.apps.reliability;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.h2.jdbc.JdbcConnection;

/**
 * Libraries that break under the agent's feet (no OpenTelemetry code here): a servlet container
 * whose request getters throw, one that lacks a Servlet 4 method, a response whose {@code
 * getStatus()} throws, and a JDBC driver without {@code getMetaData()}. The servlet is called
 * directly, as a container would, with hand-made request and response objects. Prints one line per
 * scenario with what the application saw, which must read the same with and without the agent.
 */
public class BrokenLibraryApp {
  static final int CALLS = 50;
  static final String PATH = "/orders/7";

  public static void main(String[] args) throws Exception {
    OrdersServlet servlet = new OrdersServlet();
    scenario("well-behaved container", servlet, 1, Set.of(), Set.of(), false);
    // every getter but getMethod() (which HttpServlet needs to reach doGet) throws
    scenario(
        "request getters throw",
        servlet,
        CALLS,
        Set.of(
            "getAttribute",
            "getRequestURI",
            "getServerName",
            "getHeader",
            "getHeaders",
            "getHeaderNames",
            "getScheme",
            "getDispatcherType",
            "getHttpServletMapping",
            "isAsyncStarted"),
        Set.of(),
        false);
    scenario(
        "Servlet 3 container, no getHttpServletMapping()",
        servlet,
        CALLS,
        Set.of("getHttpServletMapping"),
        Set.of(),
        false);
    scenario(
        "response getStatus() throws",
        servlet,
        CALLS,
        Set.of(),
        Set.of("getStatus", "isCommitted"),
        false);
    scenario("application throws", servlet, 1, Set.of(), Set.of(), true);
    scenario("well-behaved container again", servlet, 3, Set.of(), Set.of(), false);

    jdbc();
  }

  private static void scenario(
      String name,
      OrdersServlet servlet,
      int calls,
      Set<String> brokenRequestMethods,
      Set<String> brokenResponseMethods,
      boolean applicationThrows)
      throws Exception {
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    int before = servlet.doGetCalls;
    for (int i = 0; i < calls; i++) {
      FakeResponse response = new FakeResponse(brokenResponseMethods);
      String outcome;
      try {
        servlet.failing = applicationThrows;
        servlet.service(request(brokenRequestMethods), response.proxy());
        outcome = "status " + response.status + " body '" + response.body + "'";
      } catch (Exception e) {
        outcome = e.getClass().getName() + ": " + e.getMessage();
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.println(
        "servlet, "
            + name
            + ": doGet "
            + (servlet.doGetCalls - before)
            + " of "
            + calls
            + " calls, outcomes "
            + outcomes);
  }

  /**
   * A request of {@code GET /orders/7} whose {@code broken} methods throw as a broken container's
   * would.
   */
  private static HttpServletRequest request(Set<String> broken) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            BrokenLibraryApp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (broken.contains(name)) {
                if (name.equals("getHttpServletMapping")) {
                  throw new AbstractMethodError(
                      "jakarta.servlet.http.HttpServletRequest.getHttpServletMapping()");
                }
                throw new IllegalStateException("container broken in " + name);
              }
              switch (name) {
                case "getMethod":
                  return "GET";
                case "getRequestURI":
                  return PATH;
                case "getServletPath":
                  return "/orders";
                case "getContextPath":
                  return "";
                case "getScheme":
                  return "http";
                case "getProtocol":
                  return "HTTP/1.1";
                case "getServerName":
                  return "shop.example";
                case "getServerPort":
                  return 8080;
                case "getRemoteAddr":
                  return "10.0.0.1";
                case "getRemotePort":
                  return 40000;
                case "getDateHeader":
                  return -1L;
                case "getHeaders":
                case "getHeaderNames":
                  return Collections.emptyEnumeration();
                case "getDispatcherType":
                  return DispatcherType.REQUEST;
                case "getAttribute":
                  return attributes.get((String) args[0]);
                case "setAttribute":
                  attributes.put((String) args[0], args[1]);
                  return null;
                case "removeAttribute":
                  attributes.remove((String) args[0]);
                  return null;
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                case "toString":
                  return "request " + PATH;
                default:
                  return defaultValue(method.getReturnType());
              }
            });
  }

  /** A response that remembers status and body; its {@code broken} methods throw. */
  static final class FakeResponse {
    private final Set<String> broken;
    int status = 200;
    final StringWriter body = new StringWriter();

    FakeResponse(Set<String> broken) {
      this.broken = broken;
    }

    HttpServletResponse proxy() {
      PrintWriter writer = new PrintWriter(body);
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              BrokenLibraryApp.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                String name = method.getName();
                if (broken.contains(name)) {
                  throw new UnsupportedOperationException("response broken in " + name);
                }
                switch (name) {
                  case "setStatus":
                    status = (Integer) args[0];
                    return null;
                  case "getStatus":
                    return status;
                  case "getWriter":
                    return writer;
                  case "getHeaders":
                  case "getHeaderNames":
                    return Collections.emptyList();
                  case "hashCode":
                    return System.identityHashCode(proxy);
                  case "equals":
                    return proxy == args[0];
                  case "toString":
                    return "response";
                  default:
                    return defaultValue(method.getReturnType());
                }
              });
    }
  }

  static final class OrdersServlet extends HttpServlet {
    int doGetCalls;
    boolean failing;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws ServletException {
      doGetCalls++;
      if (failing) {
        throw new ServletException("the application's own failure");
      }
      response.setStatus(201);
      try {
        response.getWriter().write("order 7");
        response.getWriter().flush();
      } catch (java.io.IOException e) {
        throw new ServletException(e);
      }
    }
  }

  /**
   * An H2 connection that, like a JDBC 3 driver, has no {@code getMetaData()}; then a {@code null}
   * statement.
   */
  private static void jdbc() throws Exception {
    try (Connection connection = new NoMetaDataConnection()) {
      for (int i = 0; i < CALLS; i++) {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
          result.next();
          if (i == CALLS - 1) {
            System.out.println(
                "jdbc, driver without getMetaData(): "
                    + CALLS
                    + " queries, last answered "
                    + result.getInt(1));
          }
        }
      }
      String outcome;
      try (Statement statement = connection.createStatement()) {
        statement.execute(null);
        outcome = "no exception";
      } catch (Exception e) {
        outcome =
            e.getClass().getName()
                + (e instanceof SQLException
                    ? " SQLState " + ((SQLException) e).getSQLState()
                    : "");
      }
      System.out.println("jdbc, execute(null): " + outcome);
    }
  }

  static final class NoMetaDataConnection extends JdbcConnection {
    NoMetaDataConnection() throws SQLException {
      super("jdbc:h2:mem:broken", new Properties(), "", "", false);
    }

    @Override
    public DatabaseMetaData getMetaData() {
      throw new AbstractMethodError("java.sql.Connection.getMetaData()");
    }
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
