package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built jar: what a JVM and an application can see of it. */
class AgentJarIT {
  @Test
  void noClassOutsideTheBootstrapPackageCanBeLoadedFromTheJar() throws Exception {
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      List<String> loadableClasses =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .collect(Collectors.toList());

      assertThat(loadableClasses)
          .isNotEmpty()
          .allMatch(name -> name.startsWith("io/otelite/bootstrap/"));
      assertThat(
              jar.getEntry(
                  "inst/io/otelite/shaded/io/opentelemetry/sdk/OpenTelemetrySdk.classdata"))
          .isNotNull();
      assertThat(jar.getEntry("inst/net/bytebuddy/asm/Advice.classdata")).isNotNull();
    }
  }

  @Test
  void theAgentsOpenTelemetryIsRelocatedSoTheApplicationsKeepsItsName() throws Exception {
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      List<String> names =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .collect(Collectors.toList());

      assertThat(names).noneMatch(name -> name.startsWith("inst/io/opentelemetry/"));
      assertThat(names).noneMatch(name -> name.startsWith("inst/application/"));
      assertThat(names)
          .contains(
              "inst/META-INF/services/io.otelite.shaded.io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider")
          .noneMatch(name -> name.startsWith("inst/META-INF/services/io.opentelemetry."));
    }
  }

  /**
   * java.util.logging is the application's: no class of the agent (its OpenTelemetry SDK and
   * exporters included) may name its Logger or LogManager, since a first call from the agent can
   * deadlock with an application's own LogManager (Tomcat's juli) or create the JVM's LogManager
   * before the application chose its own.
   */
  @Test
  void noClassInTheJarCallsJavaUtilLogging() throws Exception {
    byte[] logger = "java/util/logging/Logger".getBytes(StandardCharsets.US_ASCII);
    byte[] logManager = "java/util/logging/LogManager".getBytes(StandardCharsets.US_ASCII);
    List<String> callers = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".classdata") && !entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        byte[] classFile;
        try (InputStream in = jar.getInputStream(entry)) {
          classFile = in.readAllBytes();
        }
        if (contains(classFile, logger) || contains(classFile, logManager)) {
          callers.add(entry.getName());
        }
      }
    }
    assertThat(classes).isGreaterThan(1000);
    assertThat(callers).isEmpty();
  }

  private static boolean contains(byte[] data, byte[] text) {
    outer:
    for (int i = 0; i <= data.length - text.length; i++) {
      for (int j = 0; j < text.length; j++) {
        if (data[i + j] != text[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theManifestDeclaresEveryEntryPoint() throws Exception {
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Main-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }
}
