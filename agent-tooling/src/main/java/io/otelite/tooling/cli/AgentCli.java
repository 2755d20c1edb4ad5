package io.otelite.tooling.cli;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.tooling.config.AgentConfiguration;
import io.otelite.tooling.instrumentation.ModuleSelection;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code java -jar otelite-agent.jar [--check [app.jar]]}: what the agent is, which modules it has,
 * the effective configuration (secrets masked) and, with {@code --check}, whether the configured
 * OTLP endpoint answers and, given an application jar, which of its libraries the modules would
 * instrument.
 */
public final class AgentCli {
  private AgentCli() {}

  public static int run(String[] args) {
    boolean check = args.length > 0 && args[0].equals("--check");
    if (check && args.length > 1) {
      return checkApplicationJar(java.nio.file.Paths.get(args[1]));
    }
    PrintStream out = System.out;
    ClassLoader agentLoader = AgentCli.class.getClassLoader();
    AgentConfiguration configuration = AgentConfiguration.load(agentLoader);
    ConfigProperties config = configuration.properties();

    out.println("otelite " + AgentVersion.get() + " - a lean OpenTelemetry agent for the JVM");
    out.println(
        "usage: java -javaagent:otelite-agent.jar -jar your-app.jar   (configure with OTEL_* variables)");
    out.println();
    out.println(
        "instrumentation modules (switch one off with OTEL_INSTRUMENTATION_<NAME>_ENABLED=false):");
    List<InstrumentationModule> enabled = ModuleSelection.enabledModules(agentLoader, config);
    for (InstrumentationModule module : ModuleSelection.allModules(agentLoader)) {
      boolean on = enabled.stream().anyMatch(m -> m.getClass() == module.getClass());
      out.println(
          "  "
              + module.name()
              + (module.aliases().isEmpty()
                  ? ""
                  : " (also: " + String.join(", ", module.aliases()) + ")")
              + (on ? "" : "  [disabled]"));
    }
    out.println();
    out.println("effective configuration (set keys and agent defaults; secrets masked):");
    for (String key : configuredKeys(configuration)) {
      out.println("  " + key + "=" + SecretMasking.mask(key, config.getString(key)));
    }

    if (check) {
      out.println();
      boolean reachable = true;
      for (String line : EndpointCheck.run(config)) {
        out.println(line);
        reachable &= !line.contains("NOT");
      }
      return reachable ? 0 : 1;
    }
    return 0;
  }

  /**
   * {@code --check app.jar}: the libraries in the jar and the (enabled) modules that would apply to
   * them.
   */
  private static int checkApplicationJar(java.nio.file.Path jar) {
    ClassLoader agentLoader = AgentCli.class.getClassLoader();
    ConfigProperties config = AgentConfiguration.load(agentLoader).properties();
    try {
      ApplicationJarScan.report(
          jar, ModuleSelection.enabledModules(agentLoader, config), System.out);
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("[otelite] cannot read " + jar + ": " + e);
      return 2;
    }
  }

  private static TreeSet<String> configuredKeys(AgentConfiguration configuration) {
    TreeSet<String> keys = new TreeSet<>(configuration.defaults().keySet());
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("otel.")) {
        keys.add(name);
      }
    }
    for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
      if (variable.getKey().startsWith("OTEL_")) {
        // display only: the SDK does the real mapping of variables to keys
        keys.add(variable.getKey().toLowerCase(Locale.ROOT).replace('_', '.'));
      }
    }
    keys.removeIf(key -> configuration.properties().getString(key) == null);
    return keys;
  }
}
