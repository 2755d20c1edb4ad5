package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.SpringBootApp;
import io.otelite.smoke.harness.SmallApp;
import io.otelite.smoke.harness.TargetJava;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent adds nothing to what the JVM prints, and leaves class-data sharing on, on every Java
 * version the smoke tests run on (17, and 25 in the second run): no "Sharing is only supported for
 * boot loader classes" line, no {@code sun.misc.Unsafe}, native-access or agent-loading warnings.
 */
class CleanStartTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * What the JVM and the JDK print on their own: HotSpot's "VM warning" lines, the JDK's {@code
   * WARNING:} lines (terminally deprecated {@code sun.misc.Unsafe} methods, restricted native
   * methods, dynamically loaded agents, illegal reflective access), unified logging's warnings, and
   * uncaught exceptions.
   */
  private static final Pattern JVM_WARNING =
      Pattern.compile(
          "^(WARNING: .*|.*VM warning: .*|\\[[^]]*\\]\\[(warning|error) *\\].*|Exception in thread .*)");

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aSpringBootApplicationUnderTheAgentPrintsNoJvmWarningItDoesNotPrintAlone() {
    List<String> alone =
        jvmWarnings(runSpringBoot(SpringBootApp.named("clean-start-alone").withoutAgent()));

    try (OtlpReceiver http = OtlpReceiver.http();
        OtlpReceiver grpc = OtlpReceiver.grpc()) {
      List<SpringBootApp.Builder> underAgent =
          List.of(
              // http/protobuf: traces, metrics and logs through the SDK's batch processors
              SpringBootApp.named("clean-start-http")
                  .exportingTo(http)
                  .env("OTEL_LOGS_EXPORTER", "otlp"),
              // gRPC: the OkHttp, Okio and Kotlin classes inside the jar
              SpringBootApp.named("clean-start-grpc").exportingTo(grpc),
              // the console and the Prometheus endpoint's HTTP server
              SpringBootApp.named("clean-start-prometheus")
                  .env("OTEL_TRACES_EXPORTER", "console")
                  .env("OTEL_METRICS_EXPORTER", "prometheus")
                  .env("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1")
                  .env("OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(FreePorts.next())));
      for (SpringBootApp.Builder app : underAgent) {
        List<String> output = runSpringBoot(app);
        assertThat(output)
            .as("the agent's own warnings and errors")
            .noneMatch(
                line -> line.startsWith("[otelite] WARN") || line.startsWith("[otelite] ERROR"));
        assertThat(jvmWarnings(output))
            .as("JVM warnings under the agent, on Java %s", TargetJava.feature())
            .isSubsetOf(alone);
      }
      assertThat(http.telemetry().spans()).as("spans over http/protobuf").isNotEmpty();
      assertThat(grpc.telemetry().spans()).as("spans over gRPC").isNotEmpty();
    }
  }

  /**
   * A class of the application, archived with {@code -XX:ArchiveClassesAtExit} as users of
   * application class-data sharing do, still comes from the archive under the agent.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void applicationClassesStillComeFromTheClassDataSharingArchive() throws IOException {
    Path jar = jarOf(SmallApp.compile("cds", List.of()).classPath(), "cds-app.jar");
    Path archive = jar.resolveSibling("cds-app.jsa");
    Files.deleteIfExists(archive);
    try (ManagedProcess training =
        ManagedProcess.java("cds-training")
            .command("-XX:ArchiveClassesAtExit=" + archive, "-cp", jar.toString(), "CdsApp")
            .start()) {
      assertThat(training.awaitExit(WAIT)).as(training.tail()).isZero();
    }
    assertThat(archive).as("the dynamic archive").isRegularFile();

    try (ManagedProcess run =
        ManagedProcess.java("cds-under-agent")
            .command(
                "-javaagent:" + Locations.agentJar(),
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info",
                "-cp",
                jar.toString(),
                "CdsApp")
            .env("OTEL_TRACES_EXPORTER", "none")
            .env("OTEL_METRICS_EXPORTER", "none")
            .start()) {
      assertThat(run.awaitExit(WAIT)).as(run.tail()).isZero();
      List<String> output = run.stdout();
      assertThat(output).contains("cds-app done");
      assertThat(output)
          .as("where CdsApp was loaded from, under the agent")
          .anyMatch(line -> line.contains(" CdsApp source: shared objects file"));
      // Not checked: on Java 25, -XX:SharedArchiveFile with any -javaagent logs "[error][cds]
      // Mismatched values for property jdk.module.addmods ... Disabling optimized module handling",
      // because -javaagent adds the java.instrument module; no agent can avoid that.
      assertThat(concat(output, run.stderr()))
          .as("the JVM's warnings under the agent")
          .noneMatch(line -> line.contains("VM warning") || line.startsWith("WARNING: "));
    }
  }

  /** Starts it, asks it a few pages, stops it with SIGTERM; all it printed. */
  private static List<String> runSpringBoot(SpringBootApp.Builder builder) {
    try (SpringBootApp app = builder.start()) {
      for (String path : List.of("/api/owners/1", "/api/owners?city=London", "/greetings/ada")) {
        assertThat(app.get(path).statusCode()).as(path).isEqualTo(200);
      }
      app.process()
          .awaitStdoutLine(
              "a log line of the request", line -> line.contains("greeting ada"), WAIT);
      app.stop();
      return concat(app.process().stdout(), app.process().stderr());
    }
  }

  private static List<String> jvmWarnings(List<String> output) {
    return output.stream().filter(line -> JVM_WARNING.matcher(line).matches()).toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** Class-data sharing archives classes from jar files only. */
  private static Path jarOf(String classesDirectory, String name) throws IOException {
    Path classes = Path.of(classesDirectory);
    Path jar = classes.resolveSibling(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString()));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
