package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging belongs to the application: the agent never initialises it, neither in premain
 * nor from its own threads, so that an application's own LogManager (Tomcat's juli, JBoss
 * LogManager) is the JVM's, created and configured by the application. Runs with runtime metrics
 * and the Prometheus endpoint on (the agent work that reaches java.util.logging through the JDK)
 * and with collections forced during start-up.
 */
class ApplicationLogManagerIT {
  private static final String APP = "example.apps.startup.ApplicationLogManagerApp";
  private static final String LOG_MANAGER = "example.apps.startup.RecordingLogManager";

  @Test
  void aLogManagerNamedOnTheCommandLineIsCreatedByTheApplicationAndTheAgentsJmxWorkWaitsForIt()
      throws Exception {
    int port = freePort();
    ManagedProcess run =
        runApp(port, List.of("-Djava.util.logging.manager=" + LOG_MANAGER), "set-on-command-line");

    assertThat(run.exitCode()).as(run.stdoutText() + run.stderrTextWithoutJvmNotice()).isZero();
    assertThat(run.stdoutText())
        .contains("log manager: " + LOG_MANAGER)
        .contains("created on thread: main")
        .contains("agent frame when created: null")
        .as("the Prometheus server (and the runtime metrics) wait for the application's logging")
        .contains("prometheus listening before logging: false")
        .contains("prometheus serves runtime metrics after logging: true")
        .contains("work before logging ran")
        .contains("done");
    assertThat(run.stderrTextWithoutJvmNotice()).doesNotContain("[otelite] WARN");
  }

  @Test
  void aLogManagerNamedByTheApplicationsMainBecomesTheJvmsLogManager() throws Exception {
    int port = freePort();
    ManagedProcess run = runApp(port, List.of(), "set-in-main");

    assertThat(run.exitCode()).as(run.stdoutText() + run.stderrTextWithoutJvmNotice()).isZero();
    assertThat(run.stdoutText())
        .contains("log manager: " + LOG_MANAGER)
        .contains("created on thread: main")
        .contains("agent frame when created: null")
        .as("nothing names a LogManager at premain, so nothing is held back")
        .contains("prometheus listening before logging: true")
        .contains("prometheus serves runtime metrics after logging: true")
        .contains("done");
    assertThat(run.stderrTextWithoutJvmNotice()).doesNotContain("[otelite] WARN");
  }

  private static ManagedProcess runApp(
      int prometheusPort, List<String> jvmOptions, String whoNamesTheLogManager) throws Exception {
    return AgentJvm.main(APP)
        // young collections during start-up, each one a GC notification the agent records
        .jvmOptions("-Xmn4m", "-XX:+UseSerialGC")
        .jvmOptions(jvmOptions)
        .arguments(whoNamesTheLogManager, String.valueOf(prometheusPort), "200")
        .env(
            Map.of(
                "OTEL_METRICS_EXPORTER", "prometheus",
                "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
                "OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(prometheusPort),
                "OTEL_TRACES_EXPORTER", "console",
                "OTEL_LOGS_EXPORTER", "none"))
        .run();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
