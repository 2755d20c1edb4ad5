package io.otelite.instrumentation.api;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The agent's configuration as instrumentations see it: the same merged view of {@code -Dotel.*}
 * properties, {@code OTEL_*} variables and the configuration file that the SDK was built from.
 */
public final class InstrumentationConfig {
  private static volatile ConfigProperties config = EmptyConfig.INSTANCE;

  private InstrumentationConfig() {}

  /** Set once by the agent when it starts (and by test harnesses). */
  public static void set(ConfigProperties properties) {
    config = properties == null ? EmptyConfig.INSTANCE : properties;
  }

  public static ConfigProperties get() {
    return config;
  }

  public static boolean getBoolean(String key, boolean defaultValue) {
    return config.getBoolean(key, defaultValue);
  }

  public static List<String> getList(String key) {
    return config.getList(key, Collections.emptyList());
  }

  public static String getString(String key, String defaultValue) {
    return config.getString(key, defaultValue);
  }

  private enum EmptyConfig implements ConfigProperties {
    INSTANCE;

    @Override
    public String getString(String name) {
      return null;
    }

    @Override
    public Boolean getBoolean(String name) {
      return null;
    }

    @Override
    public Integer getInt(String name) {
      return null;
    }

    @Override
    public Long getLong(String name) {
      return null;
    }

    @Override
    public Double getDouble(String name) {
      return null;
    }

    @Override
    public java.time.Duration getDuration(String name) {
      return null;
    }

    @Override
    public List<String> getList(String name) {
      return Collections.emptyList();
    }

    @Override
    public Map<String, String> getMap(String name) {
      return Collections.emptyMap();
    }
  }
}
