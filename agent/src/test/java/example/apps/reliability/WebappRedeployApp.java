package example.apps.reliability;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Deploys, uses, undeploys and redeploys a webapp in embedded Tomcat several times (no
 * OpenTelemetry code), then tells whether every undeployed webapp's class loader could be
 * collected. The webapp ({@code example.webapp}: a filter, a servlet and H2 in {@code WEB-INF/lib})
 * is copied into a fresh directory for each deployment, so that only its webapp class loader can
 * load it.
 *
 * <p>Arguments: the directory holding {@code example/webapp/*.class}, the H2 jar, the number of
 * deployments. Prints {@code deployment i served: <answer>} for each and then {@code webapp class
 * loaders collected: n of m}.
 */
public class WebappRedeployApp {
  // held: java.util.logging forgets loggers nobody references, and with them their level
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace(); // and exit: Tomcat's threads would keep the JVM alive
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    TOMCAT_LOG.setLevel(Level.WARNING);
    Path webappClasses = Path.of(args[0]);
    Path h2 = Path.of(args[1]);
    int deployments = Integer.parseInt(args[2]);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("redeploy").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    tomcat.getHost().setAutoDeploy(false);
    tomcat.start();

    List<WeakReference<ClassLoader>> undeployed = new ArrayList<>();
    for (int i = 1; i <= deployments; i++) {
      Path docBase = webapp(webappClasses, h2);
      Context context = deploy(tomcat, docBase);
      System.out.println("deployment " + i + " served: " + get(connector.getLocalPort()));
      undeployed.add(new WeakReference<>(context.getLoader().getClassLoader()));
      tomcat.getHost().removeChild(context);
      delete(docBase);
    }

    long collected = 0;
    for (int attempt = 0; attempt < 50 && collected < deployments; attempt++) {
      System.gc();
      Thread.sleep(100);
      collected = undeployed.stream().filter(reference -> reference.get() == null).count();
    }
    System.out.println("webapp class loaders collected: " + collected + " of " + deployments);
    tomcat.stop();
    tomcat.destroy();
  }

  /** Configured first, then added: a host that runs starts a context as soon as it is added. */
  private static Context deploy(Tomcat tomcat, Path docBase) {
    StandardContext context = new StandardContext();
    context.setName("/app");
    context.setPath("/app");
    context.setDocBase(docBase.toString());
    context.addLifecycleListener(new Tomcat.FixContextListener());
    FilterDef filter = new FilterDef();
    filter.setFilterName("probe");
    filter.setFilterClass("example.webapp.ProbeFilter");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("probe");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    Tomcat.addServlet(context, "probe", "example.webapp.ProbeServlet");
    context.addServletMappingDecoded("/probe", "probe");
    tomcat.getHost().addChild(context);
    return context;
  }

  /** A fresh webapp directory: the webapp's classes in WEB-INF/classes, H2 in WEB-INF/lib. */
  private static Path webapp(Path classes, Path h2) throws Exception {
    Path docBase = Files.createTempDirectory("webapp");
    Path target = docBase.resolve("WEB-INF/classes/example/webapp");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(classes.resolve("example/webapp"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
    Path lib = docBase.resolve("WEB-INF/lib");
    Files.createDirectories(lib);
    Files.copy(h2, lib.resolve("h2.jar"), StandardCopyOption.REPLACE_EXISTING);
    return docBase;
  }

  private static String get(int port) throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/app/probe").openConnection();
    try (InputStream body = connection.getInputStream()) {
      return connection.getResponseCode() + " " + new String(body.readAllBytes());
    }
  }

  private static void delete(Path directory) throws Exception {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
