package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.servlet.testing.AbstractServletServerTest;
import io.otelite.instrumentation.servlet.testing.ShopServer;
import io.otelite.instrumentation.servlet.testing.TomcatShopServer;

/**
 * The javax suite on Tomcat 9 (javax.servlet 4.0). It runs in its own surefire execution, with
 * Tomcat 9 in place of Tomcat 10.1 on the class path (see the module's pom.xml): running it from an
 * IDE needs the same swap.
 */
class Tomcat9ServletTest extends AbstractServletServerTest {
  @Override
  protected ShopServer createServer() {
    return new TomcatShopServer("example.servlet.javax");
  }
}
