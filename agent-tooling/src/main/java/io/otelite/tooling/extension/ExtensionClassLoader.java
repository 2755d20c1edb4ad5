package io.otelite.tooling.extension;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The user's extension jars ({@code otel.javaagent.extensions}: jar files or folders of jars, comma-separated),
 * in a loader whose parent is the agent's: extensions see the agent's OpenTelemetry API and SDK and our SPI,
 * and the agent finds their {@code InstrumentationModule}s, SDK customizers, samplers, exporters and resource
 * providers with {@link java.util.ServiceLoader} through it. Its package is under {@code io.otelite.}, so its
 * classes, like the agent's, are never instrumented.
 */
public final class ExtensionClassLoader extends URLClassLoader {
  public static final String EXTENSIONS = "otel.javaagent.extensions";

  static {
    registerAsParallelCapable();
  }

  private ExtensionClassLoader(URL[] jars, ClassLoader agentLoader) {
    super("otelite-extensions", jars, agentLoader);
  }

  /** A loader over the configured extensions, or {@code agentLoader} itself when there are none. */
  public static ClassLoader create(ConfigProperties config, ClassLoader agentLoader) {
    List<URL> jars = new ArrayList<>();
    for (String entry : config.getList(EXTENSIONS)) {
      File file = new File(entry.trim());
      if (file.isDirectory()) {
        File[] inFolder = file.listFiles((dir, name) -> name.endsWith(".jar"));
        if (inFolder != null) {
          Arrays.sort(inFolder);
          for (File jar : inFolder) {
            add(jars, jar);
          }
        }
      } else if (file.isFile()) {
        add(jars, file);
      } else {
        AgentLog.warn("invalid value for " + EXTENSIONS + ": '" + entry + "' is no jar file or folder; it is skipped");
      }
    }
    if (jars.isEmpty()) {
      return agentLoader;
    }
    AgentLog.debug("extensions: " + jars);
    return new ExtensionClassLoader(jars.toArray(new URL[0]), agentLoader);
  }

  private static void add(List<URL> jars, File jar) {
    try {
      jars.add(jar.toURI().toURL());
    } catch (MalformedURLException e) {
      AgentLog.warn("cannot use extension " + jar + ": " + e);
    }
  }
}
