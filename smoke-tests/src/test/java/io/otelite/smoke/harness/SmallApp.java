package io.otelite.smoke.harness;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small application of its own, kept as source under {@code src/test/apps/<name>/} and compiled
 * here against exactly the libraries it bundles, so that its class path holds its classes and those
 * jars and nothing of this test module.
 */
public final class SmallApp {

  private final Path classes;
  private final List<Path> libraries;

  private SmallApp(Path classes, List<Path> libraries) {
    this.classes = classes;
    this.libraries = libraries;
  }

  public static SmallApp compile(String name, List<Path> libraries) {
    Path sources = Path.of("src/test/apps", name).toAbsolutePath();
    Path classes = Locations.moduleTarget().resolve("apps").resolve(name).resolve("classes");
    try {
      Files.createDirectories(classes);
      List<String> arguments =
          new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString()));
      if (!libraries.isEmpty()) {
        arguments.add("-cp");
        arguments.add(classPath(libraries));
      }
      try (Stream<Path> files = Files.list(sources)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
      if (status != 0) {
        throw new AssertionError(
            "could not compile " + sources + "\n" + diagnostics.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SmallApp(classes, libraries);
  }

  /** The same compiled app, run with other (binary compatible) versions of its libraries. */
  public SmallApp withLibraries(List<Path> otherLibraries) {
    return new SmallApp(classes, otherLibraries);
  }

  /** The folder of the app's compiled classes (no sub-packages: apps live in the default one). */
  public Path classes() {
    return classes;
  }

  /** The app's class path: its classes, then its libraries. */
  public String classPath() {
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    entries.addAll(libraries);
    return classPath(entries);
  }

  /** A JVM running {@code mainClass} of this app under the agent jar, with fast export. */
  public ManagedProcess.Builder underAgent(
      String serviceName, String mainClass, String... arguments) {
    return ManagedProcess.java(serviceName)
        .command("-javaagent:" + Locations.agentJar(), "-cp", classPath(), mainClass)
        .command(arguments)
        .env("OTEL_SERVICE_NAME", serviceName)
        .env("OTEL_BSP_SCHEDULE_DELAY", "200")
        .env("OTEL_METRIC_EXPORT_INTERVAL", "1000");
  }

  private static String classPath(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
