package io.otelite.smoke.harness;

import io.otelite.harness.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Java version the applications under the agent run on ({@link Locations#javaHome()}), which is
 * not always the one running the tests.
 */
public final class TargetJava {
  private static final String VERSION_KEY = "JAVA_VERSION=\"";

  private TargetJava() {}

  /**
   * The feature version (17, 21, 25...) of the applications' JDK, from its {@code release} file.
   */
  public static int feature() {
    Path release = Locations.javaHome().resolve("release");
    try {
      Optional<String> line =
          Files.readAllLines(release, StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith(VERSION_KEY))
              .findFirst();
      String version =
          line.orElseThrow(() -> new IllegalStateException("no JAVA_VERSION in " + release))
              .substring(VERSION_KEY.length());
      return Integer.parseInt(version.split("[.\"+-]")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
