package io.otelite.tooling.indy;

import io.otelite.tooling.OpenTelemetryRelocation;
import io.otelite.tooling.extension.AgentClassFiles;
import io.otelite.tooling.weaving.HarmlessAdvice;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Loads one instrumentation module's advice and helper classes next to one application class
 * loader.
 *
 * <p>It sees, in this order: the module's own helper package (defined here, from the agent jar or
 * an extension jar), the JDK, the agent's classes (OpenTelemetry API and SDK, otelite, Byte Buddy:
 * always the agent's copies, even when the application bundles its own), and then the application's
 * classes (the instrumented library). This is what lets advice name both {@code jakarta.servlet.*}
 * and {@code io.opentelemetry.*} without either leaking into the other's class loader.
 *
 * <p>In the agent jar the agent's OpenTelemetry classes are relocated ({@link
 * OpenTelemetryRelocation}), so {@code io.opentelemetry.*} there means the application's copy: it
 * is looked up in the application first, which is what the opentelemetry-api bridge implements.
 * Helper classes from extension jars are compiled against the original names; their bytes are
 * remapped to the agent's relocated classes when defined here.
 */
final class ModuleClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  private final ClassLoader applicationLoader;
  private final ClassLoader agentLoader;
  private final String helperPackage;
  private final Predicate<String> isAdviceClass;

  ModuleClassLoader(
      ClassLoader applicationLoader,
      ClassLoader agentLoader,
      String helperPackage,
      Predicate<String> isAdviceClass) {
    super("otelite-module[" + helperPackage + "]", null);
    this.applicationLoader = applicationLoader;
    this.agentLoader = agentLoader;
    this.helperPackage = helperPackage;
    this.isAdviceClass = isAdviceClass;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = locate(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> locate(String name) throws ClassNotFoundException {
    if (name.startsWith(helperPackage)) {
      return defineHelper(name);
    }
    if (name.startsWith("java.")) {
      return PLATFORM.loadClass(name);
    }
    if (isAgentClass(name)) {
      return agentLoader.loadClass(name);
    }
    ClassLoader application = applicationLoader == null ? PLATFORM : applicationLoader;
    try {
      return application.loadClass(name);
    } catch (ClassNotFoundException notInApplication) {
      return agentLoader.loadClass(name);
    }
  }

  private static boolean isAgentClass(String name) {
    // in the agent jar the agent's OpenTelemetry classes are under io.otelite. as well
    return name.startsWith("io.otelite.")
        || name.startsWith("net.bytebuddy.")
        || (!OpenTelemetryRelocation.ACTIVE
            && name.startsWith(OpenTelemetryRelocation.AGENT_PACKAGE_PREFIX));
  }

  private Class<?> defineHelper(String name) throws ClassNotFoundException {
    try {
      byte[] bytes = AgentClassFiles.read(agentLoader, name.replace('.', '/'));
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      if (isAdviceClass.test(name)) {
        bytes = HarmlessAdvice.rewrite(name, bytes);
      }
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException | RuntimeException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
