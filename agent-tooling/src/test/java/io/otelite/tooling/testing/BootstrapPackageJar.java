package io.otelite.tooling.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Copies the {@code io.otelite.bootstrap} classes from the test class path into a temporary jar and
 * appends it to the bootstrap search path, as the packaged agent does with its own jar.
 */
final class BootstrapPackageJar {
  private static final String PACKAGE_PATH = "io/otelite/bootstrap/";

  private BootstrapPackageJar() {}

  static void appendToBootstrapSearch(Instrumentation instrumentation) {
    try {
      File jar = File.createTempFile("otelite-bootstrap", ".jar");
      jar.deleteOnExit();
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
        for (String entry : bootstrapClassEntries()) {
          out.putNextEntry(new JarEntry(entry));
          try (InputStream in = ClassLoader.getSystemResourceAsStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the bootstrap jar for tests", e);
    }
  }

  private static List<String> bootstrapClassEntries() throws IOException {
    URL marker = ClassLoader.getSystemResource(PACKAGE_PATH + "IndyBootstrap.class");
    if (marker == null) {
      throw new IllegalStateException("io.otelite.bootstrap is not on the test class path");
    }
    List<String> entries = new ArrayList<>();
    if (marker.getProtocol().equals("jar")) {
      String path = marker.getPath();
      String jarPath = path.substring("file:".length(), path.indexOf("!/"));
      try (JarFile jar = new JarFile(URLDecoderPath.decode(jarPath))) {
        Enumeration<JarEntry> all = jar.entries();
        while (all.hasMoreElements()) {
          String name = all.nextElement().getName();
          if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class")) {
            entries.add(name);
          }
        }
      }
    } else {
      Path directory = Paths.get(URLDecoderPath.decode(marker.getPath())).getParent();
      try (Stream<Path> files = Files.list(directory)) {
        files
            .map(file -> PACKAGE_PATH + file.getFileName())
            .filter(name -> name.endsWith(".class"))
            .forEach(entries::add);
      }
    }
    return entries;
  }

  private static final class URLDecoderPath {
    static String decode(String path) {
      return java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
