package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starting the agent, turning it off, and what a wrong configuration value costs: one line, never
 * the app.
 */
class StartupAndConfigurationIT {
  private static final String APP = "example.apps.HelloApp";

  @Test
  void withNoConfigurationTelemetryIsPrintedToTheConsole() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(Map.of("OTEL_METRIC_EXPORT_INTERVAL", "200"), APP, "1500");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText()).contains("hello from the application").contains("otelite metric ");
    assertThat(run.stderrWithoutJvmNotice()).isEmpty();
  }

  @Test
  void javaagentEnabledFalseInstallsNothing() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(
            Map.of("OTEL_JAVAAGENT_ENABLED", "false", "OTEL_METRIC_EXPORT_INTERVAL", "200"),
            APP,
            "1000");

    assertThat(run.stdoutText()).contains("application done").doesNotContain("otelite metric");
    assertThat(run.stderrTextWithoutJvmNotice()).contains("otel.javaagent.enabled=false");
  }

  @Test
  void sdkDisabledSendsTelemetryNowhere() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(
            Map.of("OTEL_SDK_DISABLED", "true", "OTEL_METRIC_EXPORT_INTERVAL", "200"), APP, "1000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText()).contains("application done").doesNotContain("otelite metric");
    assertThat(run.stderrWithoutJvmNotice()).isEmpty();
  }

  @Test
  void debugModeSaysThatTheAgentStarted() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(
            Map.of("OTEL_JAVAAGENT_DEBUG", "true", "OTEL_METRICS_EXPORTER", "none"), APP);

    assertThat(run.stderrTextWithoutJvmNotice()).contains("[otelite] DEBUG started in");
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() throws Exception {
    ManagedProcess run =
        AgentJvm.main(APP)
            .jvmOptions("-Dotel.metrics.exporter=none", "-Dotel.metric.export.interval=200")
            .arguments("1000")
            .env("OTEL_METRICS_EXPORTER", "console")
            .run();

    assertThat(run.stdoutText()).contains("application done").doesNotContain("otelite metric");
  }

  @Test
  void theConfigurationFileIsReadAndVariablesOverrideIt() throws Exception {
    Path file = Files.createTempFile("otelite", ".properties");
    Files.writeString(file, "otel.metrics.exporter=none\notel.metric.export.interval=200\n");
    try {
      ManagedProcess fromFile =
          AgentJvm.runMain(
              Map.of("OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString()), APP, "1000");
      ManagedProcess overridden =
          AgentJvm.runMain(
              Map.of(
                  "OTEL_JAVAAGENT_CONFIGURATION_FILE",
                  file.toString(),
                  "OTEL_METRICS_EXPORTER",
                  "console"),
              APP,
              "1000");

      assertThat(fromFile.stdoutText())
          .contains("application done")
          .doesNotContain("otelite metric");
      assertThat(overridden.stdoutText()).contains("otelite metric");
    } finally {
      Files.delete(file);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "OTEL_TRACES_EXPORTER, foo, otel.traces.exporter",
    "OTEL_METRICS_EXPORTER, bar, otel.metrics.exporter",
    "OTEL_TRACES_SAMPLER, bogus, otel.traces.sampler",
    "OTEL_PROPAGATORS, nope, otel.propagators",
    "OTEL_EXPORTER_OTLP_PROTOCOL, carrier-pigeon, otel.exporter.otlp.protocol",
    "OTEL_EXPORTER_OTLP_ENDPOINT, not-a-url, otel.exporter.otlp.endpoint",
    "OTEL_METRIC_EXPORT_INTERVAL, soon, otel.metric.export.interval",
    "OTEL_TRACES_SAMPLER_ARG, half, otel.traces.sampler.arg",
    "OTEL_JAVAAGENT_DEBUG, maybe, otel.javaagent.debug",
    "OTEL_JAVAAGENT_CONFIGURATION_FILE, /does/not/exist.properties, otel.javaagent.configuration-file",
  })
  void anUnusableValueGivesOneLineNamingKeyAndValueAndTheApplicationStillRuns(
      String variable, String value, String key) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(Map.of(variable, value));
    if (variable.equals("OTEL_TRACES_SAMPLER_ARG")) {
      environment.put("OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
    }
    if (variable.equals("OTEL_EXPORTER_OTLP_PROTOCOL")) {
      // the protocol only matters once something is exported over OTLP
      environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318");
    }

    ManagedProcess run = AgentJvm.runMain(environment, APP);

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText())
        .contains("hello from the application")
        .contains("application done");
    assertThat(run.stderrWithoutJvmNotice()).hasSize(1);
    assertThat(run.stderrWithoutJvmNotice().get(0))
        .startsWith("[otelite] ")
        .contains(key)
        .contains(value);
  }

  @Test
  void theJarAloneDescribesItselfAndMasksSecrets() throws Exception {
    ManagedProcess run =
        AgentJvm.runAgentJar(
            Map.of(
                "OTEL_SERVICE_NAME", "orders",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer s3cr3t-t0ken"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText())
        .contains("otelite ")
        .contains("instrumentation modules")
        .contains("otel.service.name=orders")
        .contains("otel.exporter.otlp.headers=Authorization=****")
        .doesNotContain("s3cr3t");
  }

  @Test
  void checkSaysInOneLinePerSignalWhetherTheCollectorAnswers() throws Exception {
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      ManagedProcess up =
          AgentJvm.runAgentJar(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), "--check");
      collector.stop(0);
      ManagedProcess down =
          AgentJvm.runAgentJar(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), "--check");

      assertThat(up.exitCode()).isZero();
      assertThat(up.stdoutText())
          .contains("check traces: OTLP http/protobuf to " + endpoint + "/v1/traces: reachable");
      assertThat(down.exitCode()).isEqualTo(1);
      assertThat(down.stdoutText())
          .contains(
              "check traces: OTLP http/protobuf to " + endpoint + "/v1/traces: NOT reachable");
    } finally {
      collector.stop(0);
    }
  }
}
