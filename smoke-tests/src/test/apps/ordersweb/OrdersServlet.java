import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A web application deployed into a stock Tomcat: a query on H2 (bundled in WEB-INF/lib) and a
 * call to the same server's {@code /ping}, then which kind of thread served the request.
 */
@WebServlet("/orders")
public class OrdersServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int orders;
    try (Connection connection =
            new org.h2.Driver().connect("jdbc:h2:mem:ordersweb;DB_CLOSE_DELAY=-1", new Properties());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES")) {
      result.next();
      orders = result.getInt(1);
    } catch (Exception e) {
      throw new IOException(e);
    }
    URL ping =
        new URL("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/ping");
    HttpURLConnection call = (HttpURLConnection) ping.openConnection();
    int pingStatus = call.getResponseCode();
    try (InputStream body = call.getInputStream()) {
      body.readAllBytes();
    }
    response.setContentType("text/plain");
    response
        .getWriter()
        .print(
            "orders="
                + (orders > 0)
                + " ping="
                + pingStatus
                + " virtual="
                + Thread.currentThread().isVirtual());
  }
}
