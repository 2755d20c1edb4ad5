package io.otelite.smoke.harness;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.Locations;
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

  /**
   * Compiled in the test JVM for Java 17, or for the applications' Java when that is older (the
   * Java 11 run).
   */
  public static SmallApp compile(String name, List<Path> libraries) {
    Path classes = classesDirectory(name);
    int release = Math.min(17, TargetJava.feature());
    List<String> arguments = javacArguments(name, release, classes, libraries);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError(
          "could not compile " + name + "\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }
    return new SmallApp(classes, libraries);
  }

  /**
   * Compiled for {@code release} by the {@code javac} of the JDK the applications run on ({@link
   * Locations#javaHome()}), for an app that uses APIs newer than the JDK running the tests.
   */
  public static SmallApp compileWithTargetJdk(String name, int release, List<Path> libraries) {
    Path classes = classesDirectory(name);
    List<String> command = new ArrayList<>();
    command.add(Locations.javaHome().resolve("bin/javac").toString());
    command.addAll(javacArguments(name, release, classes, libraries));
    try {
      Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (javac.waitFor() != 0) {
        throw new AssertionError("could not compile " + name + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return new SmallApp(classes, libraries);
  }

  private static Path classesDirectory(String name) {
    Path classes = Locations.moduleTarget().resolve("apps").resolve(name).resolve("classes");
    try {
      return Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> javacArguments(
      String name, int release, Path classes, List<Path> libraries) {
    Path sources = Path.of("src/test/apps", name).toAbsolutePath();
    List<String> arguments =
        new ArrayList<>(
            List.of("--release", String.valueOf(release), "-proc:none", "-d", classes.toString()));
    if (!libraries.isEmpty()) {
      arguments.add("-cp");
      arguments.add(classPath(libraries));
    }
    try (Stream<Path> files = Files.list(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return arguments;
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
  public AgentJvm underAgent(String serviceName, String mainClass, String... arguments) {
    return underAgent(serviceName, List.of(), mainClass, arguments);
  }

  /** The same, with {@code jvmOptions} on the java command line. */
  public AgentJvm underAgent(
      String serviceName, List<String> jvmOptions, String mainClass, String... arguments) {
    return AgentJvm.main(serviceName, classPath(), mainClass)
        .jvmOptions(jvmOptions)
        .arguments(arguments)
        .env("OTEL_SERVICE_NAME", serviceName)
        .fastExport();
  }

  private static String classPath(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
