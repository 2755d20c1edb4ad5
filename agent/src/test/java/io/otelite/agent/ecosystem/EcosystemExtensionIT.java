package io.otelite.agent.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTEL_JAVAAGENT_EXTENSIONS: a user's jar with a ResourceProvider (compiled here from source, against the
 * SDK's SPI, exactly as a user builds one) is found by the agent's SDK through ServiceLoader.
 */
class EcosystemExtensionIT {
  private static final String PROVIDER_SOURCE =
      "package example.extension;\n"
          + "import io.opentelemetry.api.common.AttributeKey;\n"
          + "import io.opentelemetry.api.common.Attributes;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;\n"
          + "import io.opentelemetry.sdk.resources.Resource;\n"
          + "public class TeamResourceProvider implements ResourceProvider {\n"
          + "  @Override public Resource createResource(ConfigProperties config) {\n"
          + "    return Resource.create(Attributes.of(AttributeKey.stringKey(\"team.name\"), \"payments\"));\n"
          + "  }\n"
          + "}\n";

  @TempDir Path folder;

  @Test
  void aResourceProviderFromAnExtensionJarReachesTheExportedResource() throws Exception {
    Path extension = buildExtensionJar();

    AgentProcess run =
        AgentProcess.runApp(
            Map.of(
                "OTEL_JAVAAGENT_EXTENSIONS", extension.toString(),
                "OTEL_METRICS_EXPORTER", "logging-otlp",
                "OTEL_METRIC_EXPORT_INTERVAL", "200"),
            "example.apps.HelloApp",
            "1500");

    assertThat(run.exitCode).isZero();
    // OTLP JSON of the metrics, resource included (the SDK's logging-otlp writes through java.util.logging)
    assertThat(run.stderr).contains("{\"key\":\"team.name\",\"value\":{\"stringValue\":\"payments\"}}");
    assertThat(run.stderr).doesNotContain("[otelite]");
  }

  @Test
  void anExtensionPathThatDoesNotExistIsOneLineAndTheApplicationRuns() throws Exception {
    AgentProcess run =
        AgentProcess.runApp(
            Map.of("OTEL_JAVAAGENT_EXTENSIONS", "/no/such/extension.jar", "OTEL_METRICS_EXPORTER", "none"),
            "example.apps.HelloApp");

    assertThat(run.exitCode).isZero();
    assertThat(run.stdout).contains("application done");
    assertThat(run.stderr).contains("otel.javaagent.extensions").contains("/no/such/extension.jar");
  }

  private Path buildExtensionJar() throws Exception {
    Path classes = Files.createDirectories(folder.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject source =
        new SimpleJavaFileObject(URI.create("string:///example/extension/TeamResourceProvider.java"), SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return PROVIDER_SOURCE;
          }
        };
    List<String> options =
        List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "11");
    assertThat(javac.getTask(null, null, null, options, null, List.of(source)).call()).isTrue();

    Path jar = folder.resolve("team-extension.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("example/extension/TeamResourceProvider.class"));
      out.write(Files.readAllBytes(classes.resolve("example/extension/TeamResourceProvider.class")));
      out.closeEntry();
      out.putNextEntry(new JarEntry("META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider"));
      out.write("example.extension.TeamResourceProvider\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
