package io.otelite.tooling.instrumentation;

import java.io.IOException;
import java.io.InputStream;

/** Reads a class file as a resource of a class loader, never by loading the class. */
final class ClassFiles {
  private ClassFiles() {}

  /**
   * The class file of {@code internalName} as {@code loader} shows it ({@code null}: the JDK's), or
   * {@code null} if it shows none or reading fails.
   */
  static byte[] read(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
