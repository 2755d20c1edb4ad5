package io.otelite.tooling.extension;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.OpenTelemetryRelocation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * The user's extension jars ({@code otel.javaagent.extensions}: jar files or folders of jars,
 * comma-separated), in a loader whose parent is the agent's: extensions see the agent's
 * OpenTelemetry API and SDK and our SPI, and the agent finds their {@code InstrumentationModule}s,
 * SDK customizers, samplers, exporters and resource providers with {@link java.util.ServiceLoader}
 * through it. Its package is under {@code io.otelite.}, so its classes, like the agent's, are never
 * instrumented.
 *
 * <p>Extensions are compiled against {@code io.opentelemetry.*}, which the agent jar relocates
 * ({@link OpenTelemetryRelocation}): when it is active, every class of an extension jar is remapped
 * to the relocated names as it is defined (with the ASM that Byte Buddy ships), and a lookup of a
 * relocated {@code META-INF/services/} file also finds the extension's file under the original
 * name.
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
        AgentLog.warn(
            "invalid value for "
                + EXTENSIONS
                + ": '"
                + entry
                + "' is no jar file or folder; it is skipped");
      }
    }
    if (jars.isEmpty()) {
      return agentLoader;
    }
    AgentLog.debug("extensions: " + jars);
    return new ExtensionClassLoader(jars.toArray(new URL[0]), agentLoader);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!OpenTelemetryRelocation.ACTIVE) {
      return super.findClass(name);
    }
    String resource = name.replace('.', '/') + ".class";
    URL url = findResource(resource);
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    try {
      byte[] bytes = ExtensionRemapping.remap(read(url));
      definePackageOf(name);
      return defineClass(
          name, bytes, 0, bytes.length, new CodeSource(jarOf(url), (CodeSigner[]) null));
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /**
   * The bytes of a class from the extension jars themselves (not the agent's), as they must be
   * defined in the agent: for instrumentation modules' helper classes, defined next to each
   * application class loader. Null when the class is not an extension's.
   */
  public byte[] extensionClassBytes(String classResource) throws IOException {
    URL url = findResource(classResource);
    if (url == null) {
      return null;
    }
    byte[] bytes = read(url);
    return OpenTelemetryRelocation.ACTIVE ? ExtensionRemapping.remap(bytes) : bytes;
  }

  @Override
  public Enumeration<URL> findResources(String name) throws IOException {
    String original = OpenTelemetryRelocation.originalServiceFile(name);
    return super.findResources(original == null ? name : original);
  }

  @Override
  public URL findResource(String name) {
    String original = OpenTelemetryRelocation.originalServiceFile(name);
    return super.findResource(original == null ? name : original);
  }

  private static byte[] read(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false); // no JarFile kept open behind the loader's back
    try (InputStream in = connection.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static URL jarOf(URL classUrl) throws IOException {
    if ("jar".equals(classUrl.getProtocol())) {
      return ((JarURLConnection) classUrl.openConnection()).getJarFileURL();
    }
    return classUrl;
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

  private static void add(List<URL> jars, File jar) {
    try {
      jars.add(jar.toURI().toURL());
    } catch (MalformedURLException e) {
      AgentLog.warn("cannot use extension " + jar + ": " + e);
    }
  }
}
