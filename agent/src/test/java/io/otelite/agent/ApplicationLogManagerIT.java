package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging belongs to the application: the agent never initialises it, neither in premain
 * nor from its own threads, so that an application's own LogManager (Tomcat's juli, JBoss
 * LogManager) is the JVM's, created and configured by the application. Runs with runtime metrics
 * and the Prometheus endpoint on (the agent work that reaches java.util.logging through the JDK)
 * and with collections forced during start-up, and with spans exported over OTLP before and after
 * the application's logging is set up (the exporter's {@code HttpURLConnection} consults the JDK's
 * platform logger).
 */
class ApplicationLogManagerIT {
  private static final String APP = "example.apps.startup.ApplicationLogManagerApp";
  private static final String LOG_MANAGER = "example.apps.startup.RecordingLogManager";

  @Test
  void aLogManagerNamedOnTheCommandLineIsCreatedByTheApplicationAndTheAgentsJmxWorkWaitsForIt()
      throws Exception {
    int port = freePort();
    // named with a configuration file, as catalina.sh names juli's: the JDK's own loggers then use
    // java.util.logging as soon as asked, not a stand-in until the application has set it up
    Path configuration = Files.createTempFile("logging", ".properties");
    ManagedProcess run =
        runApp(
            port,
            List.of(
                "-Djava.util.logging.manager=" + LOG_MANAGER,
                "-Djava.util.logging.config.file=" + configuration),
            "set-on-command-line");
    Files.delete(configuration);

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

  /**
   * Runs the application with its spans exported over OTLP every 100 ms, so that one export falls
   * before its logging is set up; checks that the span made then reached the collector.
   */
  private static ManagedProcess runApp(
      int prometheusPort, List<String> jvmOptions, String whoNamesTheLogManager) throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.http()) {
      ManagedProcess run =
          AgentJvm.main(APP)
              .libraries("opentelemetry-instrumentation-annotations", "opentelemetry-api")
              // young collections during start-up, each one a GC notification the agent records
              .jvmOptions("-Xmn4m", "-XX:+UseSerialGC")
              .jvmOptions(jvmOptions)
              .arguments(whoNamesTheLogManager, String.valueOf(prometheusPort), "500")
              .env(
                  Map.of(
                      "OTEL_METRICS_EXPORTER", "prometheus",
                      "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
                      "OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(prometheusPort),
                      "OTEL_TRACES_EXPORTER", "otlp",
                      "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                      "OTEL_BSP_SCHEDULE_DELAY", "100",
                      "OTEL_LOGS_EXPORTER", "none"))
              .run();
      assertThat(run.stdoutText()).contains("span before logging made");
      assertThat(collector.telemetry().spans())
          .as("the span made before the application's logging is exported")
          .anySatisfy(
              span -> assertThat(span.name()).isEqualTo("ApplicationLogManagerApp.beforeLogging"));
      return run;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
