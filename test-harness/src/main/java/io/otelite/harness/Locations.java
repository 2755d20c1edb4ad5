package io.otelite.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the built artifacts are. Surefire and failsafe run the tests in the module directory, one
 * level below the repository root.
 */
public final class Locations {

  private Locations() {}

  public static Path repoRoot() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  /**
   * The test suites written by others ({@code ../shared/third-party/} beside the repository,
   * pinned, with their licences; used from there, never copied in). Looked for, in order: {@code
   * -Dotelite.third.party=PATH} or {@code OTELITE_THIRD_PARTY}; beside this checkout; beside the
   * local repository this one was cloned from (a fresh clone in /tmp has no {@code ../shared}, the
   * repository it came from has). The first that exists, else the one beside this checkout.
   */
  public static Path thirdParty() {
    String override =
        System.getProperty("otelite.third.party", System.getenv("OTELITE_THIRD_PARTY"));
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    Path besideCheckout = besideShared(repoRoot());
    if (Files.isDirectory(besideCheckout)) {
      return besideCheckout;
    }
    Path origin = localOrigin();
    if (origin != null && Files.isDirectory(besideShared(origin))) {
      return besideShared(origin);
    }
    return besideCheckout;
  }

  private static Path besideShared(Path repository) {
    return repository.resolve("../shared/third-party").normalize();
  }

  /** The directory {@code origin} points to when it is a repository on this machine, else null. */
  private static Path localOrigin() {
    try {
      Process git =
          new ProcessBuilder("git", "-C", repoRoot().toString(), "remote", "get-url", "origin")
              .redirectErrorStream(true)
              .start();
      String url = new String(git.getInputStream().readAllBytes()).trim();
      if (git.waitFor() != 0 || url.isEmpty()) {
        return null;
      }
      if (url.startsWith("file://")) {
        url = url.substring("file://".length());
      } else if (url.contains("://") || url.contains("@")) {
        return null; // a remote repository: nothing beside it on this machine
      }
      Path path = Path.of(url);
      return Files.isDirectory(path) ? path.toAbsolutePath().normalize() : null;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * target/ of the module under test: jars copied by maven-dependency-plugin, compiled small apps,
   * process logs.
   */
  public static Path moduleTarget() {
    return Path.of("target").toAbsolutePath().normalize();
  }

  /**
   * The built agent; {@code -Dotelite.agent.jar=PATH} tests another copy (e.g. a snapshot of a
   * build).
   */
  public static Path agentJar() {
    String override = System.getProperty("otelite.agent.jar");
    return existing(
        override != null ? Path.of(override) : repoRoot().resolve("agent/target/otelite-agent.jar"),
        "the agent jar; build it with `mvn -B -DskipTests package` at the repository root");
  }

  public static Path testappJar() {
    return existing(
        repoRoot().resolve("testapp/target/testapp.jar"),
        "the test app; build it with `mvn -B -DskipTests package -pl testapp`");
  }

  /** A file that maven-dependency-plugin copies into this module's target/ before the tests run. */
  public static Path copiedByMaven(String relativePath) {
    return existing(
        moduleTarget().resolve(relativePath),
        "copied by maven-dependency-plugin in the process-test-resources phase of this module");
  }

  /** The module's compiled test classes: the applications the agent's ITs run. */
  public static Path testClasses() {
    return moduleTarget().resolve("test-classes");
  }

  /** A jar of the test class path (the module's test dependencies), by artifact id. */
  public static Path testLibrary(String artifactId) {
    Pattern versioned = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/\\\\]*\\.jar");
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (versioned.matcher(path.getFileName().toString()).matches()) {
        return path.toAbsolutePath();
      }
    }
    throw new AssertionError(
        "no "
            + artifactId
            + " jar on the test class path: "
            + System.getProperty("java.class.path"));
  }

  public static Path javaExecutable() {
    return javaHome().resolve("bin/java");
  }

  /**
   * The JDK that runs the applications under the agent: the one running the tests, or {@code
   * -Dotelite.smoke.java.home=PATH} (the smoke tests on another Java version).
   */
  public static Path javaHome() {
    String override = System.getProperty("otelite.smoke.java.home");
    Path home =
        Path.of(
            override != null && !override.isBlank() ? override : System.getProperty("java.home"));
    assertThat(home.resolve("bin/java"))
        .as(
            "a JDK for the applications at %s (-Dotelite.smoke.java.home; the Java 25 and Java 11"
                + " runs take -Dotelite.java25.home and -Dotelite.java11.home, and .ci/run says where"
                + " they come from)",
            home)
        .isRegularFile();
    return home;
  }

  /** {@code path}, which must be a file; {@code what} says how to make it. */
  public static Path existingFile(Path path, String what) {
    return existing(path, what);
  }

  private static Path existing(Path path, String what) {
    assertThat(path).as("%s (%s)", path, what).isRegularFile();
    return path;
  }

  static boolean exists(Path path) {
    return Files.isRegularFile(path);
  }

  /**
   * The version of a server distribution that smoke-tests/pom.xml names in {@code property}, e.g.
   * {@code otelite.tomcat10.distribution}, and unpacks into target/distributions.
   */
  public static String distributionVersion(String property) {
    String version = System.getProperty(property);
    if (version == null || version.isBlank()) {
      throw new AssertionError("system property " + property + " (set by smoke-tests/pom.xml)");
    }
    return version;
  }
}
