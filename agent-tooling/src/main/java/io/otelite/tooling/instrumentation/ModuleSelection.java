package io.otelite.tooling.instrumentation;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.tooling.config.AgentConfiguration;
import io.otelite.tooling.config.ConfigValues;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Which modules run: {@code otel.instrumentation.<name>.enabled} decides for a module (its name or
 * any of its aliases), and {@code otel.instrumentation.common.default-enabled=false} turns every
 * module off unless it is enabled by name, for allow-listing.
 */
public final class ModuleSelection {
  private ModuleSelection() {}

  public static List<InstrumentationModule> allModules(ClassLoader agentLoader) {
    List<InstrumentationModule> modules = new ArrayList<>();
    for (InstrumentationModule module :
        ServiceLoader.load(InstrumentationModule.class, agentLoader)) {
      modules.add(module);
    }
    return modules;
  }

  public static List<InstrumentationModule> enabledModules(
      ClassLoader agentLoader, ConfigProperties config) {
    boolean enabledByDefault =
        ConfigValues.booleanOrDefault(config, AgentConfiguration.DEFAULT_ENABLED, true);
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module : allModules(agentLoader)) {
      if (isEnabled(module, config, enabledByDefault)) {
        enabled.add(module);
      } else {
        AgentLog.debug("module " + module.name() + " is disabled");
      }
    }
    return enabled;
  }

  static boolean isEnabled(
      InstrumentationModule module, ConfigProperties config, boolean enabledByDefault) {
    boolean enabled = enabledByDefault && module.defaultEnabled();
    List<String> names = new ArrayList<>();
    names.add(module.name());
    names.addAll(module.aliases());
    for (String name : names) {
      String key = "otel.instrumentation." + name + ".enabled";
      if (config.getString(key) != null) {
        return ConfigValues.booleanOrDefault(config, key, enabled);
      }
    }
    return enabled;
  }
}
