package io.otelite.instrumentation.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The instrumentation scope (tracer and meter name and version) of the servlet spans and metrics.
 */
public final class ServletInstrumentationScope {
  public static final String NAME = "io.otelite.servlet";
  public static final String VERSION = loadVersion();

  private ServletInstrumentationScope() {}

  private static String loadVersion() {
    try (InputStream in =
        ServletInstrumentationScope.class.getResourceAsStream("instrumentation.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version");
    } catch (IOException e) {
      return null; // the scope is then reported without a version
    }
  }
}
