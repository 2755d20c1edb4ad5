package io.otelite.tooling.cli;

import io.otelite.instrumentation.api.InstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * {@code --check app.jar}: which libraries the application jar carries (itself, and the jars nested
 * in it such as Spring Boot's {@code BOOT-INF/lib/*.jar} or a war's {@code WEB-INF/lib/*.jar}) and
 * so which modules would apply, judged by each module's library marker classes.
 */
final class ApplicationJarScan {
  /** Where packagings put the application's own classes; a marker class there counts as well. */
  private static final String[] CLASS_ROOTS = {"BOOT-INF/classes/", "WEB-INF/classes/"};

  /** Marker class name to where it was found ("app.jar" or the nested jar's entry name). */
  private final Map<String, String> found = new TreeMap<>();

  private final Set<String> wanted;
  private int nestedJars;

  private ApplicationJarScan(Set<String> wanted) {
    this.wanted = wanted;
  }

  static void report(Path jar, List<InstrumentationModule> modules, PrintStream out)
      throws IOException {
    Set<String> markers = new LinkedHashSet<>();
    for (InstrumentationModule module : modules) {
      markers.addAll(module.libraryMarkerClassNames());
    }
    ApplicationJarScan scan = new ApplicationJarScan(markers);
    scan.scan(jar);

    out.println("application " + jar + " (" + scan.nestedJars + " nested jars):");
    if (scan.found.isEmpty()) {
      out.println("  no instrumented library found");
    }
    scan.found.forEach((marker, where) -> out.println("  found " + marker + " in " + where));
    out.println("modules that would apply:");
    List<String> notApplying = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      List<String> markersOfModule = module.libraryMarkerClassNames();
      if (markersOfModule.isEmpty()) {
        out.println("  " + module.name() + " (JDK, always)");
      } else if (scan.found.keySet().containsAll(markersOfModule)) {
        out.println("  " + module.name() + " (" + String.join(", ", markersOfModule) + ")");
      } else {
        notApplying.add(
            "  " + module.name() + " (needs " + String.join(", ", markersOfModule) + ")");
      }
    }
    out.println("modules with no library in the jar:");
    notApplying.forEach(out::println);
  }

  private void scan(Path path) throws IOException {
    String label = path.getFileName().toString();
    try (JarFile jar = new JarFile(path.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().endsWith(".jar")) {
          nestedJars++;
          try (InputStream nested = jar.getInputStream(entry)) {
            scanNested(nested, entry.getName());
          }
        } else {
          note(entry.getName(), label);
        }
      }
    }
  }

  private void scanNested(InputStream in, String label) throws IOException {
    try (JarInputStream jar = new JarInputStream(in)) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        note(entry.getName(), label);
      }
    }
  }

  private void note(String entryName, String where) {
    if (!entryName.endsWith(".class")) {
      return;
    }
    String name = entryName;
    for (String root : CLASS_ROOTS) {
      if (name.startsWith(root)) {
        name = name.substring(root.length());
      }
    }
    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
    if (wanted.contains(className)) {
      found.putIfAbsent(className, where);
    }
  }
}
