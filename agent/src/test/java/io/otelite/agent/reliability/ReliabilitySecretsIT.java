package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets planted where users put them (URL user-info, credential query parameters, the OTLP
 * headers) appear nowhere in anything the agent prints, in debug mode, on failures, or in {@code
 * --check}.
 */
class ReliabilitySecretsIT {
  private static final String USER_INFO_SECRET = "uSeRiNfO-s3cret";
  private static final String TOKEN_SECRET = "t0ken-s3cret";
  private static final String PASSWORD_SECRET = "passw0rd-s3cret";
  private static final String HEADER_SECRET = "bearer-h3ader-s3cret";
  private static final List<String> SECRETS =
      List.of(USER_INFO_SECRET, TOKEN_SECRET, PASSWORD_SECRET, HEADER_SECRET);
  private static final String HEADERS = "Authorization=Bearer " + HEADER_SECRET;
  private static final String[] CALL_WITH_SECRETS = {
    "calls=3",
    "afterMillis=800",
    "userInfo=alice:" + USER_INFO_SECRET,
    "path=/orders?page=2&token=" + TOKEN_SECRET + "&password=" + PASSWORD_SECRET
  };

  @Test
  void debugModeAndTheConsoleExportersPrintNoSecret() throws Exception {
    Map<String, String> environment =
        Map.of(
            "OTEL_JAVAAGENT_DEBUG", "true",
            "OTEL_TRACES_EXPORTER", "console",
            "OTEL_METRICS_EXPORTER", "console",
            "OTEL_METRIC_EXPORT_INTERVAL", "200",
            "OTEL_EXPORTER_OTLP_HEADERS", HEADERS);

    try (ManagedProcess run = HttpCalls.underAgent(environment, CALL_WITH_SECRETS).run()) {
      assertThat(HttpCalls.okCalls(run)).isEqualTo(3);
      assertThat(run.stdoutText())
          .as("the calls were traced")
          .contains("otelite span 'GET'")
          .contains("REDACTED");
      assertNoSecret(run);
    }
  }

  @Test
  void aCollectorRefusingTheExportInDebugModePrintsNoSecret() throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.options().answering(n -> 401).startHttp()) {
      Map<String, String> environment =
          Map.of(
              "OTEL_JAVAAGENT_DEBUG", "true",
              "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
              "OTEL_EXPORTER_OTLP_HEADERS", HEADERS,
              "OTEL_BSP_SCHEDULE_DELAY", "100",
              "OTEL_METRIC_EXPORT_INTERVAL", "200");

      try (ManagedProcess run = HttpCalls.underAgent(environment, CALL_WITH_SECRETS).run()) {
        assertThat(HttpCalls.okCalls(run)).isEqualTo(3);
        assertThat(run.stderrTextWithoutJvmNotice())
            .as("the export was refused")
            .contains("is failing (HTTP 401)");
        assertNoSecret(run);
      }
    }
  }

  @Test
  void theJarAloneAndCheckPrintNoSecret() throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.http()) {
      Map<String, String> environment =
          Map.of(
              "OTEL_EXPORTER_OTLP_ENDPOINT",
              collector.endpoint(),
              "OTEL_EXPORTER_OTLP_HEADERS",
              HEADERS,
              "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
              HEADERS,
              "OTEL_JAVAAGENT_DEBUG",
              "true");
      try (ManagedProcess check =
              AgentJvm.agentJarMain().env(environment).arguments("--check").run();
          ManagedProcess describe = AgentJvm.agentJarMain().env(environment).run()) {
        assertThat(check.stdoutText())
            .contains("check traces: OTLP http/protobuf to " + collector.endpoint());
        assertNoSecret(check);
        assertNoSecret(describe);
      }
    }
  }

  private static void assertNoSecret(ManagedProcess run) {
    String everything = run.stdoutText() + "\n" + run.stderrTextWithoutJvmNotice();
    for (String secret : SECRETS) {
      assertThat(everything).as("output of the run").doesNotContain(secret);
    }
  }
}
