package io.otelite.tooling.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.semconv.ServiceAttributes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes.Name;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceResourceProviderTest {
  @TempDir Path directory;

  /** A jar with this manifest's title and version (either may be null) and these entries. */
  private Path jar(String fileName, String title, String version, Map<String, String> entries)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Name.MANIFEST_VERSION, "1.0");
    if (title != null) {
      manifest.getMainAttributes().put(Name.IMPLEMENTATION_TITLE, title);
    }
    if (version != null) {
      manifest.getMainAttributes().put(Name.IMPLEMENTATION_VERSION, version);
    }
    Path jar = directory.resolve(fileName);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The resource the SDK's autoconfiguration builds while the JVM's command is javaCommand. */
  private static Resource autoconfiguredResource(String javaCommand, Map<String, String> config) {
    AtomicReference<Resource> built = new AtomicReference<>();
    String previous = System.setProperty("sun.java.command", javaCommand);
    try {
      AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(() -> config)
          .addResourceCustomizer(
              (resource, properties) -> {
                built.set(resource);
                return resource;
              })
          .disableShutdownHook()
          .build()
          .getOpenTelemetrySdk()
          .close();
    } finally {
      System.setProperty("sun.java.command", previous == null ? "" : previous);
    }
    return built.get();
  }

  private static Attributes attributes(String javaCommand, Map<String, String> config) {
    return ServiceResourceProvider.attributes(
        DefaultConfigProperties.createFromMap(config), javaCommand, key -> null, key -> null);
  }

  @Test
  void aSpringBootJarNamesTheServiceAfterTheApplicationAndVersionsItFromBuildInfo()
      throws IOException {
    Path jar =
        jar(
            "orders-app.jar",
            "orders-artifact",
            "0.1.0-SNAPSHOT",
            Map.of(
                "META-INF/build-info.properties",
                "build.artifact=orders-artifact\nbuild.version=2.3.4\n",
                "BOOT-INF/classes/application.yaml",
                "spring:\n  application:\n    name: orders\n"));

    Attributes attributes = attributes(jar + " --server.port=8080", Map.of());

    assertThat(attributes.get(ServiceAttributes.SERVICE_NAME)).isEqualTo("orders");
    assertThat(attributes.get(ServiceAttributes.SERVICE_VERSION)).isEqualTo("2.3.4");
  }

  @Test
  void aPlainJarIsNamedAndVersionedByItsManifestElseByItsFileName() throws IOException {
    Path withManifest = jar("billing-1.0.jar", "billing", "1.0", Map.of());
    Path bare = jar("my tool.jar", null, null, Map.of());

    Attributes fromManifest = attributes(withManifest.toString(), Map.of());
    Attributes fromFileName = attributes(bare + " --verbose", Map.of());

    assertThat(fromManifest.get(ServiceAttributes.SERVICE_NAME)).isEqualTo("billing");
    assertThat(fromManifest.get(ServiceAttributes.SERVICE_VERSION)).isEqualTo("1.0");
    assertThat(fromFileName.get(ServiceAttributes.SERVICE_NAME)).isEqualTo("my tool");
    assertThat(fromFileName.get(ServiceAttributes.SERVICE_VERSION)).isNull();
  }

  @Test
  void aMainClassGivesNeitherNameNorVersionButStillAnInstanceId() {
    Attributes attributes = attributes("org.apache.catalina.startup.Bootstrap start", Map.of());

    assertThat(attributes.get(ServiceAttributes.SERVICE_NAME)).isNull();
    assertThat(attributes.get(ServiceAttributes.SERVICE_VERSION)).isNull();
    assertThat(attributes.get(ServiceAttributes.SERVICE_INSTANCE_ID)).isNotNull();
  }

  @Test
  void theInstanceIdIsARandomVersion4UuidPerCall() {
    UUID first = UUID.fromString(ServiceResourceProvider.randomUuid());
    UUID second = UUID.fromString(ServiceResourceProvider.randomUuid());

    assertThat(first).isNotEqualTo(second);
    assertThat(first.version()).isEqualTo(4);
    assertThat(first.variant()).isEqualTo(2);
  }

  @Test
  void explicitSettingsAlwaysWin() throws IOException {
    Path jar =
        jar(
            "orders-app.jar",
            "orders-artifact",
            "0.1.0",
            Map.of("BOOT-INF/classes/application.properties", "spring.application.name=orders\n"));
    Map<String, String> explicit = new LinkedHashMap<>();
    explicit.put("otel.service.name", "checkout");
    explicit.put("otel.resource.attributes", "service.version=9.9,service.instance.id=pod-7");
    explicit.put("otel.traces.exporter", "none");
    explicit.put("otel.metrics.exporter", "none");
    explicit.put("otel.logs.exporter", "none");

    // the whole autoconfiguration, as the agent runs it: providers first, the user's settings last
    Resource resource = autoconfiguredResource(jar.toString(), explicit);

    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_NAME)).isEqualTo("checkout");
    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_VERSION)).isEqualTo("9.9");
    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_INSTANCE_ID)).isEqualTo("pod-7");
  }

  @Test
  void withoutExplicitSettingsTheAutoconfiguredResourceCarriesTheFoundService() throws IOException {
    Path jar =
        jar(
            "orders-app.jar",
            null,
            "0.1.0",
            Map.of("BOOT-INF/classes/application.properties", "spring.application.name=orders\n"));
    Map<String, String> config =
        Map.of(
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    Resource resource = autoconfiguredResource(jar + " --debug", config);

    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_NAME)).isEqualTo("orders");
    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_VERSION)).isEqualTo("0.1.0");
    assertThat(resource.getAttribute(ServiceAttributes.SERVICE_INSTANCE_ID)).isNotBlank();
  }
}
