package io.otelite.instrumentation.servlet.testing;

import example.servlet.OrderRejected;
import example.servlet.ShopApp;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 (ee10, jakarta.servlet 6) serving the shop app. Jetty adds its own default
 * servlet, which answers 404 for whatever nothing else maps.
 */
public final class Jetty12ShopServer implements ShopServer {
  private static final String SERVLET_PACKAGE = "example.servlet.jakarta";

  private Server server;

  @Override
  public int start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(ShopApp.CONTEXT_PATH);
    for (ShopApp.Mapping servlet : ShopApp.SERVLETS) {
      context
          .addServlet(servlet.className(SERVLET_PACKAGE), servlet.urlPattern())
          .setAsyncSupported(true);
    }
    for (ShopApp.Mapping filter : ShopApp.FILTERS) {
      context
          .addFilter(
              filter.className(SERVLET_PACKAGE),
              filter.urlPattern(),
              EnumSet.of(DispatcherType.REQUEST))
          .setAsyncSupported(true);
    }
    ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
    errorPages.addErrorPage(OrderRejected.class, ShopApp.ERROR_PAGE);
    context.setErrorHandler(errorPages);
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
  }
}
