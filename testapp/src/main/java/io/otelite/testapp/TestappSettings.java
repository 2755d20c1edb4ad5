package io.otelite.testapp;

import java.util.Map;

/**
 * What the environment configures: where to listen, which database, which service to call
 * downstream.
 */
record TestappSettings(
    String bindAddress,
    int port,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String downstreamUrl) {

  /**
   * H2 in memory, kept for the life of the process (DB_CLOSE_DELAY=-1), so the app needs no
   * database server.
   */
  static final String DEFAULT_JDBC_URL = "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1";

  static TestappSettings fromEnvironment() {
    return from(System.getenv());
  }

  static TestappSettings from(Map<String, String> env) {
    return new TestappSettings(
        env.getOrDefault("TESTAPP_BIND_ADDRESS", "127.0.0.1"),
        parsePort(env.get("TESTAPP_PORT")),
        nonBlank(env.get("TESTAPP_JDBC_URL"), DEFAULT_JDBC_URL),
        nonBlank(env.get("TESTAPP_JDBC_USER"), "sa"),
        nonBlank(env.get("TESTAPP_JDBC_PASSWORD"), ""),
        trimTrailingSlash(env.get("TESTAPP_DOWNSTREAM_URL")));
  }

  private static int parsePort(String value) {
    if (value == null || value.isBlank()) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "TESTAPP_PORT=" + value + " is not a port: expected 0 (any free port) to 65535");
    }
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String trimTrailingSlash(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
