package io.otelite.instrumentation.servlet.jakarta;

import io.otelite.instrumentation.servlet.testing.AbstractServletServerTest;
import io.otelite.instrumentation.servlet.testing.Jetty12ShopServer;
import io.otelite.instrumentation.servlet.testing.ShopServer;

class Jetty12ServletTest extends AbstractServletServerTest {
  @Override
  protected ShopServer createServer() {
    return new Jetty12ShopServer();
  }
}
