package io.otelite.tooling.config;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The agent's view of its configuration, merged exactly as the SDK's autoconfiguration merges it:
 * {@code -Dotel.*} system properties win over {@code OTEL_*} environment variables, which win over
 * the configuration file ({@code otel.javaagent.configuration-file}) and the agent's own defaults.
 *
 * <p>The standard variables are never parsed here: {@link DefaultConfigProperties} does that, and
 * the same {@link #defaults()} are handed to the SDK builder so that both see the same values.
 */
public final class AgentConfiguration {
  public static final String ENABLED = "otel.javaagent.enabled";
  public static final String DEBUG = "otel.javaagent.debug";
  public static final String CONFIGURATION_FILE = "otel.javaagent.configuration-file";
  public static final String DEFAULT_ENABLED = "otel.instrumentation.common.default-enabled";

  private final Map<String, String> defaults;
  private final ConfigProperties properties;
  private final boolean agentEnabled;
  private final boolean debug;

  private AgentConfiguration(Map<String, String> defaults, ConfigProperties properties) {
    this.defaults = defaults;
    this.properties = properties;
    // read once: a value that cannot be used is reported once
    this.agentEnabled = ConfigValues.booleanOrDefault(properties, ENABLED, true);
    this.debug = agentEnabled && ConfigValues.booleanOrDefault(properties, DEBUG, false);
  }

  public static AgentConfiguration load(ClassLoader serviceClassLoader) {
    ComponentLoader componentLoader = ComponentLoader.forClassLoader(serviceClassLoader);
    ConfigProperties withoutFile =
        DefaultConfigProperties.create(Collections.emptyMap(), componentLoader);
    Map<String, String> defaults = new HashMap<>(ConfigurationFile.load(withoutFile));
    ConfigProperties withFile = DefaultConfigProperties.create(defaults, componentLoader);
    defaults.putAll(DefaultExporters.choose(withFile));
    return new AgentConfiguration(
        Collections.unmodifiableMap(defaults),
        DefaultConfigProperties.create(defaults, componentLoader));
  }

  /** Lowest-priority properties (configuration file, agent defaults) for the SDK builder. */
  public Map<String, String> defaults() {
    return defaults;
  }

  public ConfigProperties properties() {
    return properties;
  }

  public boolean agentEnabled() {
    return agentEnabled;
  }

  public boolean debug() {
    return debug;
  }
}
