package io.otelite.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own classes (SDK, exporters, Byte Buddy, instrumentation modules) from the
 * {@code inst/} folder of the agent jar, where class files carry the extension {@code .classdata}:
 * no other class loader can find them, so the application never sees the agent's copies of its
 * libraries.
 *
 * <p>Its parent is the platform class loader: the agent sees the JDK (including {@code
 * java.net.http} and {@code java.sql}) and the bootstrap package, and nothing of the application.
 */
public final class AgentClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private static final String HIDDEN_ROOT = "inst/";
  private static final String CLASS_SUFFIX = ".classdata";

  private final JarFile jar;
  private final String jarUrlPrefix;
  private final ProtectionDomain protectionDomain;

  public AgentClassLoader(File agentJar) throws IOException {
    super("otelite-agent", ClassLoader.getPlatformClassLoader());
    this.jar = new JarFile(agentJar, false);
    URL jarUrl = agentJar.toURI().toURL();
    this.jarUrlPrefix = "jar:" + jarUrl.toExternalForm() + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes;
    try {
      bytes = agentClassFile(name.replace('.', '/'));
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  /**
   * The class file of one of the agent's own classes, straight from the jar: asking {@link
   * #getResourceAsStream} would first search every JDK module for it and then open a {@code jar:}
   * URL. Null when the agent has no such class.
   */
  public byte[] agentClassFile(String internalName) throws IOException {
    JarEntry entry = jar.getJarEntry(HIDDEN_ROOT + internalName + CLASS_SUFFIX);
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private void definePackageOf(String className) {
    int lastDot = className.lastIndexOf('.');
    if (lastDot <= 0) {
      return;
    }
    String packageName = className.substring(0, lastDot);
    if (getDefinedPackage(packageName) == null) {
      try {
        definePackage(packageName, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException raced) {
        // another thread defined it first
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    String entryName = hiddenEntryName(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrlPrefix + entryName);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null
        ? Collections.emptyEnumeration()
        : Collections.enumeration(Collections.singleton(url));
  }

  private static String hiddenEntryName(String resourceName) {
    if (resourceName.endsWith(".class")) {
      return HIDDEN_ROOT
          + resourceName.substring(0, resourceName.length() - ".class".length())
          + CLASS_SUFFIX;
    }
    return HIDDEN_ROOT + resourceName;
  }
}
