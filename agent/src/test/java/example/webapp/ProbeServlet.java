package example.webapp;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The webapp's servlet, loaded by the webapp's own class loader (never by the application's): it
 * overrides {@code service} and queries H2 from the webapp's {@code WEB-INF/lib}, so that the agent
 * instruments classes of that class loader and links advice for it. Answers the name of its class
 * loader and the query's result.
 */
public class ProbeServlet extends HttpServlet {
  // registered with DriverManager by this webapp's copy of H2; DriverManager looks for drivers only
  // once per JVM, so
  // a redeployed webapp has to load its own, as real webapps do
  private static final Driver H2 = org.h2.Driver.load();

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    int answer;
    try (Connection connection =
            H2.connect("jdbc:h2:mem:probe;DB_CLOSE_ON_EXIT=FALSE", new Properties());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 6 * 7")) {
      result.next();
      answer = result.getInt(1);
    } catch (SQLException e) {
      throw new ServletException(e);
    }
    response
        .getWriter()
        .write(getClass().getClassLoader().getClass().getSimpleName() + " " + answer);
  }

  @Override
  public void destroy() {
    org.h2.Driver
        .unload(); // what a well-behaved webapp does: DriverManager would keep the driver, and this
    // loader
  }
}
