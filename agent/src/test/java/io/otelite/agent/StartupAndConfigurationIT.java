package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
    JvmRun run = JvmRun.withAgent(Map.of("OTEL_METRIC_EXPORT_INTERVAL", "200"), APP, "1500");

    assertThat(run.exitCode).isZero();
    assertThat(run.stdout).contains("hello from the application").contains("otelite metric ");
    assertThat(run.stderrLines).isEmpty();
  }

  @Test
  void javaagentEnabledFalseInstallsNothing() throws Exception {
    JvmRun run =
        JvmRun.withAgent(
            Map.of("OTEL_JAVAAGENT_ENABLED", "false", "OTEL_METRIC_EXPORT_INTERVAL", "200"),
            APP,
            "1000");

    assertThat(run.stdout).contains("application done").doesNotContain("otelite metric");
    assertThat(run.stderr()).contains("otel.javaagent.enabled=false");
  }

  @Test
  void sdkDisabledSendsTelemetryNowhere() throws Exception {
    JvmRun run =
        JvmRun.withAgent(
            Map.of("OTEL_SDK_DISABLED", "true", "OTEL_METRIC_EXPORT_INTERVAL", "200"), APP, "1000");

    assertThat(run.exitCode).isZero();
    assertThat(run.stdout).contains("application done").doesNotContain("otelite metric");
    assertThat(run.stderrLines).isEmpty();
  }

  @Test
  void debugModeSaysThatTheAgentStarted() throws Exception {
    JvmRun run =
        JvmRun.withAgent(
            Map.of("OTEL_JAVAAGENT_DEBUG", "true", "OTEL_METRICS_EXPORTER", "none"), APP);

    assertThat(run.stderr()).contains("[otelite] DEBUG started in");
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() throws Exception {
    JvmRun run =
        JvmRun.run(
            java.util.List.of(
                JvmRun.javaExecutable(),
                "-Dotel.metrics.exporter=none",
                "-Dotel.metric.export.interval=200",
                "-javaagent:" + JvmRun.AGENT_JAR,
                "-cp",
                JvmRun.TEST_CLASSES,
                APP,
                "1000"),
            Map.of("OTEL_METRICS_EXPORTER", "console"));

    assertThat(run.stdout).contains("application done").doesNotContain("otelite metric");
  }

  @Test
  void theConfigurationFileIsReadAndVariablesOverrideIt() throws Exception {
    Path file = Files.createTempFile("otelite", ".properties");
    Files.writeString(file, "otel.metrics.exporter=none\notel.metric.export.interval=200\n");
    try {
      JvmRun fromFile =
          JvmRun.withAgent(
              Map.of("OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString()), APP, "1000");
      JvmRun overridden =
          JvmRun.withAgent(
              Map.of(
                  "OTEL_JAVAAGENT_CONFIGURATION_FILE",
                  file.toString(),
                  "OTEL_METRICS_EXPORTER",
                  "console"),
              APP,
              "1000");

      assertThat(fromFile.stdout).contains("application done").doesNotContain("otelite metric");
      assertThat(overridden.stdout).contains("otelite metric");
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

    JvmRun run = JvmRun.withAgent(environment, APP);

    assertThat(run.exitCode).isZero();
    assertThat(run.stdout).contains("hello from the application").contains("application done");
    assertThat(run.stderrLines).hasSize(1);
    assertThat(run.stderrLines.get(0)).startsWith("[otelite] ").contains(key).contains(value);
  }

  @Test
  void theJarAloneDescribesItselfAndMasksSecrets() throws Exception {
    JvmRun run =
        JvmRun.agentJarMain(
            Map.of(
                "OTEL_SERVICE_NAME", "orders",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer s3cr3t-t0ken"));

    assertThat(run.exitCode).isZero();
    assertThat(run.stdout)
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
      JvmRun up = JvmRun.agentJarMain(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), "--check");
      collector.stop(0);
      JvmRun down = JvmRun.agentJarMain(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), "--check");

      assertThat(up.exitCode).isZero();
      assertThat(up.stdout)
          .contains("check traces: OTLP http/protobuf to " + endpoint + "/v1/traces: reachable");
      assertThat(down.exitCode).isEqualTo(1);
      assertThat(down.stdout)
          .contains(
              "check traces: OTLP http/protobuf to " + endpoint + "/v1/traces: NOT reachable");
    } finally {
      collector.stop(0);
    }
  }
}
