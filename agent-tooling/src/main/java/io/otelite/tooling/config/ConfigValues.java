package io.otelite.tooling.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import java.util.Locale;

/**
 * Reads agent-specific keys leniently: a value that cannot be used gives one clear line and the
 * default.
 */
public final class ConfigValues {
  private ConfigValues() {}

  public static boolean booleanOrDefault(
      ConfigProperties config, String key, boolean defaultValue) {
    String raw = config.getString(key);
    if (raw == null || raw.trim().isEmpty()) {
      return defaultValue;
    }
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    AgentLog.warn(
        "invalid value for "
            + key
            + ": '"
            + raw
            + "' (expected true or false); using the default, "
            + defaultValue);
    return defaultValue;
  }
}
