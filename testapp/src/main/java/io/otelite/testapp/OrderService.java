package io.otelite.testapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A small order service on embedded Tomcat: orders in H2 (or PostgreSQL), outgoing calls with three
 * HTTP client libraries, an async endpoint and endpoints that fail. It contains no OpenTelemetry
 * code; the agent adds all telemetry.
 *
 * <p>Environment: {@code TESTAPP_PORT} (default 8080, 0 = any free port), {@code
 * TESTAPP_BIND_ADDRESS} (default 127.0.0.1), {@code TESTAPP_JDBC_URL} / {@code _USER} / {@code
 * _PASSWORD} (default H2 in memory), {@code TESTAPP_DOWNSTREAM_URL} (the service {@code /checkout}
 * calls; default: this service itself).
 *
 * <p>{@code --demo-client URL} instead sends one request to every endpoint of the service at URL.
 */
public final class OrderService {

  /** Tomcat logs every start step at INFO; the demo's output should show telemetry, not that. */
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  /**
   * The web-app loader's leak checks warn at shutdown about the app's own worker and HTTP-client
   * threads; they guard redeployable web apps, and this embedded app is never redeployed.
   */
  private static final Logger TOMCAT_LEAK_CHECK_LOG =
      Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

  private final Tomcat tomcat;
  private final HikariDataSource dataSource;
  private final ExecutorService workers;
  private final List<DownstreamClient> clients;
  private final Path tomcatBaseDir;

  private OrderService(
      Tomcat tomcat,
      HikariDataSource dataSource,
      ExecutorService workers,
      List<DownstreamClient> clients,
      Path tomcatBaseDir) {
    this.tomcat = tomcat;
    this.dataSource = dataSource;
    this.workers = workers;
    this.clients = clients;
    this.tomcatBaseDir = tomcatBaseDir;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--demo-client")) {
      DemoClient.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    OrderService service = start(TestappSettings.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "testapp-shutdown"));
    // Tests and scripts read the port from this line (TESTAPP_PORT=0 picks a free one).
    System.out.println("testapp listening on port " + service.port());
    System.out.flush();
    service.tomcat.getServer().await();
  }

  static OrderService start(TestappSettings settings) throws Exception {
    TOMCAT_LOG.setLevel(Level.WARNING);
    TOMCAT_LEAK_CHECK_LOG.setLevel(Level.SEVERE);
    HikariDataSource dataSource = openPool(settings);
    ExecutorService workers = Executors.newFixedThreadPool(4, namedDaemonThreads("order-worker-"));
    Path baseDir = Files.createTempDirectory("testapp-tomcat");
    List<DownstreamClient> clients =
        List.of(
            JdkHttpDownstreamClient.blocking(),
            JdkHttpDownstreamClient.async(),
            new UrlConnectionDownstreamClient(),
            new ApacheDownstreamClient());
    try {
      OrderRepository orders = new OrderRepository(dataSource);
      createSchema(orders);

      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(baseDir.toString());
      Connector connector = new Connector();
      connector.setPort(settings.port());
      connector.setProperty("address", settings.bindAddress());
      tomcat.setConnector(connector);

      Context context = tomcat.addContext("", null);
      Map<String, DownstreamClient> clientsByName = new LinkedHashMap<>();
      clients.forEach(client -> clientsByName.put(client.name(), client));
      String downstream = settings.downstreamUrl();
      addServlet(context, "/orders", new OrdersServlet(orders));
      addServlet(context, "/orders/*", new OrderByIdServlet(orders));
      addServlet(
          context,
          "/checkout",
          new CheckoutServlet(
              clientsByName,
              // Without a downstream service the app calls itself: still two server spans, one
              // trace.
              () ->
                  downstream != null
                      ? downstream
                      : "http://127.0.0.1:" + connector.getLocalPort()));
      addServlet(context, "/async", new AsyncOrdersServlet(orders, workers));
      addServlet(context, "/fail", new FailingServlet());
      addServlet(context, "/traceparent", new TraceparentEchoServlet());
      addServlet(context, "/health", new HealthServlet());
      addServlet(context, "/", new NotFoundServlet());

      tomcat.start();
      return new OrderService(tomcat, dataSource, workers, clients, baseDir);
    } catch (Exception | Error e) {
      dataSource.close();
      workers.shutdownNow();
      throw e;
    }
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  void stop() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      System.err.println("testapp: stopping Tomcat failed: " + e);
    }
    workers.shutdownNow();
    for (DownstreamClient client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        System.err.println("testapp: closing HTTP client " + client.name() + " failed: " + e);
      }
    }
    dataSource.close();
    deleteRecursively(tomcatBaseDir);
  }

  private static HikariDataSource openPool(TestappSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("orders");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.jdbcUser());
    config.setPassword(settings.jdbcPassword());
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  /**
   * Two instances sharing one PostgreSQL database may both create the tables at once; one of them
   * then fails on the catalog's unique index. The tables exist afterwards, so a second try
   * succeeds.
   */
  private static void createSchema(OrderRepository orders) throws SQLException {
    try {
      orders.createSchema();
    } catch (SQLException firstTry) {
      try {
        orders.createSchema();
      } catch (SQLException secondTry) {
        secondTry.addSuppressed(firstTry);
        throw secondTry;
      }
    }
  }

  private static void addServlet(Context context, String mapping, HttpServlet servlet) {
    String name = servlet.getClass().getSimpleName();
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(mapping, name);
  }

  private static ThreadFactory namedDaemonThreads(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: the OS cleans it up eventually
    }
  }
}
