package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

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
    try (JarFile jar = new JarFile(JvmRun.AGENT_JAR.toFile())) {
      List<String> loadableClasses =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .collect(Collectors.toList());

      assertThat(loadableClasses).isNotEmpty().allMatch(name -> name.startsWith("io/otelite/bootstrap/"));
      assertThat(jar.getEntry("inst/io/otelite/shaded/io/opentelemetry/sdk/OpenTelemetrySdk.classdata")).isNotNull();
      assertThat(jar.getEntry("inst/net/bytebuddy/agent/builder/AgentBuilder.classdata")).isNotNull();
    }
  }

  @Test
  void theAgentsOpenTelemetryIsRelocatedSoTheApplicationsKeepsItsName() throws Exception {
    try (JarFile jar = new JarFile(JvmRun.AGENT_JAR.toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).collect(Collectors.toList());

      assertThat(names).noneMatch(name -> name.startsWith("inst/io/opentelemetry/"));
      assertThat(names).noneMatch(name -> name.startsWith("inst/application/"));
      assertThat(names)
          .contains("inst/META-INF/services/io.otelite.shaded.io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider")
          .noneMatch(name -> name.startsWith("inst/META-INF/services/io.opentelemetry."));
    }
  }

  @Test
  void theManifestDeclaresEveryEntryPoint() throws Exception {
    try (JarFile jar = new JarFile(JvmRun.AGENT_JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Main-Class")).isEqualTo("io.otelite.bootstrap.OteliteAgent");
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }
}
