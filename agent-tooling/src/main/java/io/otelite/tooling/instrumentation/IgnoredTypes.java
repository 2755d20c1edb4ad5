package io.otelite.tooling.instrumentation;

/**
 * Classes never worth looking at: the agent's own, Byte Buddy's, generated lambda and reflection
 * classes. Decided on the name alone, before any class file is parsed.
 */
final class IgnoredTypes {
  private static final String[] IGNORED_PREFIXES = {
    "io.otelite.",
    "net.bytebuddy.",
    "jdk.internal.reflect.",
    "sun.reflect.",
    "jdk.proxy",
    "com.sun.proxy."
  };

  private final ClassLoader agentLoader;
  private final boolean ignoreAgentLoader;

  IgnoredTypes(ClassLoader agentLoader, boolean ignoreAgentLoader) {
    this.agentLoader = agentLoader;
    this.ignoreAgentLoader = ignoreAgentLoader;
  }

  boolean ignores(String name, ClassLoader classLoader) {
    if (ignoreAgentLoader && classLoader == agentLoader) {
      return true;
    }
    if (classLoader != null && classLoader.getClass().getName().startsWith("io.otelite.")) {
      return true; // the module class loaders
    }
    for (String prefix : IGNORED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return name.contains("$$Lambda") || name.contains("/0x");
  }
}
