import com.sun.net.httpserver.HttpServer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/**
 * Calls instrumented library code loaded by three kinds of class loader: the bootstrap loader
 * (HttpURLConnection), the system loader (H2 on the class path) and a child URLClassLoader (its own
 * copy of H2, not visible to the system loader). Argument 1: the H2 jar for the child loader;
 * argument 2: "stay" (wait to be stopped) or "exit" (end at once: only the shutdown flush can
 * deliver the spans).
 */
public class ClassLoaderProbeApp {

  public static void main(String[] args) throws Exception {
    Path h2Jar = Path.of(args[0]);
    boolean stay = args.length < 2 || args[1].equals("stay");

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bootstrap-loader")
                .toURL()
                .openConnection();
    connection.getResponseCode();
    connection.disconnect();
    server.stop(0);
    report("bootstrap", connection.getClass());

    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:system_loader");
        Statement statement = h2.createStatement()) {
      statement.execute("CREATE TABLE system_loader_table (id INT)");
      statement.executeQuery("SELECT id FROM system_loader_table").close();
    }
    report("system", Class.forName("org.h2.Driver"));

    // Parent: the platform loader, so this loader defines its own H2 classes instead of delegating.
    try (URLClassLoader child =
        new URLClassLoader("child", new URL[] {h2Jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> driverClass = Class.forName("org.h2.Driver", true, child);
      Driver driver = (Driver) driverClass.getDeclaredConstructor().newInstance();
      try (Connection h2 = driver.connect("jdbc:h2:mem:child_loader", new Properties());
          Statement statement = h2.createStatement()) {
        statement.execute("CREATE TABLE child_loader_table (id INT)");
        statement.executeQuery("SELECT id FROM child_loader_table").close();
      }
      report("child", driverClass);
    }

    System.out.println("done");
    System.out.flush();
    if (stay) {
      Thread.currentThread().join(); // until the test stops the process
    }
  }

  private static void report(String what, Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    System.out.println(
        what + ": " + type.getName() + " loaded by " + (loader == null ? "bootstrap" : loader.getName()));
  }
}
