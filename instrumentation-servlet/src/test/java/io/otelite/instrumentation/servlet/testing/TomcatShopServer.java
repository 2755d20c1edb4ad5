package io.otelite.instrumentation.servlet.testing;

import example.servlet.OrderRejected;
import example.servlet.ShopApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat serving the shop app. Servlets and filters are registered by class name only, so
 * the same code drives Tomcat 10.1 (jakarta) and Tomcat 9 (javax): it is compiled against 10.1 and
 * the Tomcat 9 test runs it with Tomcat 9 on the class path, whose embedding API has the same
 * signatures.
 */
public final class TomcatShopServer implements ShopServer {
  /** Strong reference: java.util.logging forgets levels of loggers nobody holds. */
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  private final String servletPackage;
  private Tomcat tomcat;
  private Path baseDir;

  /** {@code servletPackage}: where the app's classes for this container's servlet API are. */
  public TomcatShopServer(String servletPackage) {
    this.servletPackage = servletPackage;
  }

  @Override
  public int start() throws Exception {
    TOMCAT_LOG.setLevel(Level.WARNING);
    baseDir = Files.createTempDirectory("otelite-tomcat");
    Path docBase = Files.createDirectories(baseDir.resolve("webapp"));
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    Connector connector = tomcat.getConnector();
    Context context = tomcat.addContext(ShopApp.CONTEXT_PATH, docBase.toString());

    // Tomcat's own default servlet answers whatever nothing else maps: 404 for a file that is not
    // there
    Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
    context.addServletMappingDecoded("/", "default");
    for (ShopApp.Mapping servlet : ShopApp.SERVLETS) {
      Wrapper wrapper =
          Tomcat.addServlet(context, servlet.simpleClassName(), servlet.className(servletPackage));
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(servlet.urlPattern(), servlet.simpleClassName());
    }
    for (ShopApp.Mapping filter : ShopApp.FILTERS) {
      FilterDef definition = new FilterDef();
      definition.setFilterName(filter.simpleClassName());
      definition.setFilterClass(filter.className(servletPackage));
      definition.setAsyncSupported("true");
      context.addFilterDef(definition);
      FilterMap mapping = new FilterMap();
      mapping.setFilterName(filter.simpleClassName());
      mapping.addURLPatternDecoded(filter.urlPattern());
      context.addFilterMap(mapping);
    }
    ErrorPage errorPage = new ErrorPage();
    errorPage.setExceptionType(OrderRejected.class.getName());
    errorPage.setLocation(ShopApp.ERROR_PAGE);
    context.addErrorPage(errorPage);
    tomcat.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    deleteRecursively(baseDir);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
