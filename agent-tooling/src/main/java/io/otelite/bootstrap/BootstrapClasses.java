package io.otelite.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Puts the classes that instrumented code calls (and the agent's starter) into the bootstrap class
 * loader, where code of every class loader, the JDK's own included, finds them.
 *
 * <p>They are defined one by one with the JDK's internal {@code Unsafe.defineClass}, not by
 * appending the agent jar to the bootstrap search path: an appended search path makes the JVM print
 * "Sharing is only supported for boot loader classes because bootstrap classpath has been appended"
 * and stops class-data sharing for every class outside the boot loader, the application's own
 * included, which costs start-up time on every JVM with the agent.
 *
 * <p>The internal package is exported (with {@link Instrumentation#redefineModule}, the supported
 * way for agents) only to the unnamed module of a class loader that holds a second copy of this
 * class and nothing else, and that is dropped afterwards: the application, whose class path holds
 * the agent jar, gains no access it did not have. Nothing here touches {@code sun.misc.Unsafe}.
 */
public final class BootstrapClasses {
  /** Supertypes before subtypes; none of them extends another today. */
  private static final String[] NAMES = {
    "io.otelite.bootstrap.AdviceLinker",
    "io.otelite.bootstrap.AdviceFailures",
    "io.otelite.bootstrap.IndyBootstrap",
    "io.otelite.bootstrap.AgentClassLoader",
    "io.otelite.bootstrap.AgentStarter",
  };

  private static final String INTERNAL_PACKAGE = "jdk.internal.misc";

  private BootstrapClasses() {}

  /**
   * Defines the classes into the bootstrap loader, reading them from {@code codeSource} (the agent
   * jar, or the class path entry that holds this package in tests). Throws when the JDK does not
   * allow it; the caller then falls back to the bootstrap search path.
   */
  public static void define(Instrumentation instrumentation, URL codeSource) throws Exception {
    // parent: the bootstrap loader, so this loader defines its own copy of this class from
    // codeSource, in an unnamed module of its own
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {codeSource}, null)) {
      isolated
          .loadClass(BootstrapClasses.class.getName())
          .getMethod("defineFromIsolatedCopy", Instrumentation.class)
          .invoke(null, instrumentation);
    }
  }

  /** Runs in the isolated copy only (see {@link #define}); public for that reflective call. */
  public static void defineFromIsolatedCopy(Instrumentation instrumentation) throws Exception {
    Module self = BootstrapClasses.class.getModule();
    instrumentation.redefineModule(
        Object.class.getModule(),
        Collections.emptySet(),
        Map.of(INTERNAL_PACKAGE, Set.of(self)),
        Collections.emptyMap(),
        Collections.emptySet(),
        Collections.emptyMap());
    Class<?> unsafeType = Class.forName(INTERNAL_PACKAGE + ".Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method defineClass =
        unsafeType.getMethod(
            "defineClass",
            String.class,
            byte[].class,
            int.class,
            int.class,
            ClassLoader.class,
            ProtectionDomain.class);
    ClassLoader source = BootstrapClasses.class.getClassLoader();
    for (String name : NAMES) {
      if (isInBootLoader(name)) {
        continue; // a second agent in the same JVM, or a test JVM that installed before
      }
      byte[] bytes = classFile(source, name);
      defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
    }
  }

  private static boolean isInBootLoader(String name) {
    try {
      Class.forName(name, false, null);
      return true;
    } catch (ClassNotFoundException notYet) {
      return false;
    }
  }

  private static byte[] classFile(ClassLoader source, String name) throws IOException {
    try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new IOException(name + " is not in " + source);
      }
      return in.readAllBytes();
    }
  }
}
