package io.otelite.instrumentation.servlet.testing;

/** An embedded container serving {@link example.servlet.ShopApp} on a free port of 127.0.0.1. */
public interface ShopServer {
  /** Starts the container and returns the port it listens on. */
  int start() throws Exception;

  void stop() throws Exception;
}
