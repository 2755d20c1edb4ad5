package io.otelite.tooling.extension;

import io.otelite.bootstrap.AgentClassLoader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the class files of the agent's own classes (advice and helpers of instrumentation modules),
 * an extension's first, without loading them.
 */
public final class AgentClassFiles {
  private AgentClassFiles() {}

  /**
   * The class file of {@code internalName} as the agent's class loader has it: from an extension
   * jar (remapped to the agent's relocated classes), else from the agent jar, else (in tests, where
   * the agent's classes are on the class path) as a resource; null if there is none.
   */
  public static byte[] read(ClassLoader agentLoader, String internalName) throws IOException {
    String resource = internalName + ".class";
    ClassLoader loader = agentLoader;
    if (loader instanceof ExtensionClassLoader) {
      byte[] fromExtension = ((ExtensionClassLoader) loader).extensionClassBytes(resource);
      if (fromExtension != null) {
        return fromExtension;
      }
      loader = loader.getParent();
    }
    if (loader instanceof AgentClassLoader) {
      return ((AgentClassLoader) loader).agentClassFile(internalName);
    }
    try (InputStream in = agentLoader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
