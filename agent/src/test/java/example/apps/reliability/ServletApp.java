package example.apps.reliability;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A plain servlet application (no OpenTelemetry code) on embedded Tomcat, for tests that drive it
 * over HTTP:
 *
 * <ul>
 *   <li>{@code GET /work/{id}}: one H2 query, then {@code GET /leaf/{id}} on itself with
 *       HttpURLConnection; answers {@code ok {id}}. Every span of one request can be told apart by
 *       its id.
 *   <li>{@code GET /leaf/{id}}: answers {@code leaf {id}}.
 *   <li>{@code GET /echo/{n}}: answers {@code echo}.
 * </ul>
 *
 * Prints {@code listening on port N} when ready, then serves until killed. Headers up to 128 KB are
 * accepted, so that oversized trace headers reach the agent instead of being refused by Tomcat.
 */
public class ServletApp {
  private static final int CONNECTIONS = 16;
  // held: java.util.logging forgets loggers nobody references, and with them their level
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  public static void main(String[] args) throws Exception {
    TOMCAT_LOG.setLevel(Level.WARNING); // Tomcat's start-up lines would hide what the agent prints
    BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
    for (int i = 0; i < CONNECTIONS; i++) {
      pool.add(DriverManager.getConnection("jdbc:h2:mem:work;DB_CLOSE_DELAY=-1"));
    }
    try (Statement statement = pool.peek().createStatement()) {
      statement.execute("CREATE TABLE items (id VARCHAR(64) PRIMARY KEY)");
      statement.execute("INSERT INTO items VALUES ('a'), ('b'), ('c')");
    }

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("servlet-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setProperty("maxHttpHeaderSize", String.valueOf(128 * 1024));
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);

    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "work", new WorkServlet(pool));
    context.addServletMappingDecoded("/work/*", "work");
    Tomcat.addServlet(context, "leaf", new TextServlet("leaf"));
    context.addServletMappingDecoded("/leaf/*", "leaf");
    Tomcat.addServlet(context, "echo", new TextServlet("echo"));
    context.addServletMappingDecoded("/echo/*", "echo");
    tomcat.start();

    System.out.println("listening on port " + connector.getLocalPort());
    System.out.flush();
    tomcat.getServer().await();
  }

  static final class WorkServlet extends HttpServlet {
    private final transient BlockingQueue<Connection> pool;

    WorkServlet(BlockingQueue<Connection> pool) {
      this.pool = pool;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String id = request.getPathInfo().substring(1);
      int count = query(id);
      URL leaf = new URL("http://127.0.0.1:" + request.getLocalPort() + "/leaf/" + id);
      HttpURLConnection connection = (HttpURLConnection) leaf.openConnection();
      String answer;
      try (InputStream body = connection.getInputStream()) {
        answer = new String(body.readAllBytes());
      }
      if (connection.getResponseCode() != 200 || !answer.equals("leaf " + id) || count != 3) {
        response.sendError(500, "leaf answered " + answer + ", count " + count);
        return;
      }
      response.getWriter().write("ok " + id);
    }

    private int query(String id) throws IOException {
      Connection connection;
      try {
        connection = pool.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT COUNT(*) FROM items WHERE id <> ?")) {
        statement.setString(1, id);
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          return result.getInt(1);
        }
      } catch (SQLException e) {
        throw new IOException(e);
      } finally {
        pool.add(connection);
      }
    }
  }

  static final class TextServlet extends HttpServlet {
    private final String text;

    TextServlet(String text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String path = request.getPathInfo();
      response.getWriter().write(text.equals("leaf") ? text + " " + path.substring(1) : text);
    }
  }
}
