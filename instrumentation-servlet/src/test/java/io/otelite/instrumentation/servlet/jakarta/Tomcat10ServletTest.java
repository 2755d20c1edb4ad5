package io.otelite.instrumentation.servlet.jakarta;

import io.otelite.instrumentation.servlet.testing.AbstractServletServerTest;
import io.otelite.instrumentation.servlet.testing.ShopServer;
import io.otelite.instrumentation.servlet.testing.TomcatShopServer;

class Tomcat10ServletTest extends AbstractServletServerTest {
  @Override
  protected ShopServer createServer() {
    return new TomcatShopServer("example.servlet.jakarta");
  }
}
