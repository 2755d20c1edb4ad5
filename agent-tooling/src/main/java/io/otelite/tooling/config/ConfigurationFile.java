package io.otelite.tooling.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The optional properties file named by {@code otel.javaagent.configuration-file}. */
final class ConfigurationFile {
  private ConfigurationFile() {}

  static Map<String, String> load(ConfigProperties config) {
    String location = config.getString(AgentConfiguration.CONFIGURATION_FILE);
    if (location == null || location.trim().isEmpty()) {
      return Collections.emptyMap();
    }
    Path path = Paths.get(location.trim());
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | RuntimeException e) {
      AgentLog.warn(
          "cannot read "
              + AgentConfiguration.CONFIGURATION_FILE
              + "='"
              + location
              + "' (expected a readable properties file): "
              + e.getClass().getSimpleName()
              + "; continuing without it");
      return Collections.emptyMap();
    }
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return values;
  }
}
