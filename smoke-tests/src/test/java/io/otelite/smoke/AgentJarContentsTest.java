package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The application sees nothing of the agent but its small bootstrap package: every other class
 * (SDK, exporters, Byte Buddy, instrumentation modules) is hidden in the jar so that no class
 * loader can find it by name.
 */
class AgentJarContentsTest {

  private static final String BOOTSTRAP_PACKAGE = "io/otelite/bootstrap/";

  @Test
  void theOnlyLoadableClassesAreInTheBootstrapPackage() throws IOException {
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      List<String> classes =
          jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();

      assertThat(classes)
          .as("classes in the bootstrap package")
          .anyMatch(n -> n.startsWith(BOOTSTRAP_PACKAGE));
      assertThat(classes)
          .as("loadable classes outside " + BOOTSTRAP_PACKAGE)
          .allMatch(name -> name.startsWith(BOOTSTRAP_PACKAGE));
    }
  }

  @Test
  void theManifestMakesItAnAgentForStartupAndAttachAndARunnableJar() throws IOException {
    try (JarFile jar = new JarFile(Locations.agentJar().toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Premain-Class")).startsWith("io.otelite.bootstrap.");
      assertThat(manifest.getValue("Agent-Class")).startsWith("io.otelite.bootstrap.");
      assertThat(manifest.getValue("Main-Class")).startsWith("io.otelite.bootstrap.");
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }
}
