package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging belongs to the application: the agent never initialises it, neither in premain
 * nor from its own threads, so that an application's own LogManager (Tomcat's juli, JBoss
 * LogManager) is the JVM's, created and configured by the application. Runs with runtime metrics
 * and the Prometheus endpoint on (the agent work that reaches java.util.logging through the JDK)
 * and with collections forced during start-up, and with spans exported over OTLP (or Zipkin) before
 * and after the application's logging is set up (the exporters' {@code HttpURLConnection} consults
 * the JDK's platform logger).
 */
class ApplicationLogManagerIT {
  private static final String APP = "example.apps.startup.ApplicationLogManagerApp";
  private static final String LOG_MANAGER = "example.apps.startup.RecordingLogManager";
  private static final String SPAN_BEFORE_LOGGING = "ApplicationLogManagerApp.beforeLogging";

  @Test
  void aLogManagerNamedOnTheCommandLineIsCreatedByTheApplicationAndTheAgentsJmxWorkWaitsForIt()
      throws Exception {
    ManagedProcess run;
    try (OtlpReceiver collector = OtlpReceiver.http()) {
      run = runWithLogManagerOnTheCommandLine(otlp(collector.endpoint()));
      assertThat(collector.telemetry().spans())
          .as("the span made before the application's logging is exported")
          .anySatisfy(span -> assertThat(span.name()).isEqualTo(SPAN_BEFORE_LOGGING));
    }

    assertTheApplicationCreatedItsLogManager(run);
  }

  @Test
  void zipkinExportsWaitForALogManagerNamedOnTheCommandLine() throws Exception {
    ConcurrentLinkedQueue<String> zipkinBodies = new ConcurrentLinkedQueue<>();
    HttpServer zipkin =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    zipkin.createContext(
        "/api/v2/spans",
        exchange -> {
          InputStream body = exchange.getRequestBody();
          if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
          }
          zipkinBodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    zipkin.start();
    ManagedProcess run;
    try {
      Map<String, String> env = new HashMap<>();
      env.put("OTEL_TRACES_EXPORTER", "zipkin");
      env.put(
          "OTEL_EXPORTER_ZIPKIN_ENDPOINT",
          "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans");
      run = runWithLogManagerOnTheCommandLine(env);
    } finally {
      zipkin.stop(0);
    }

    assertThat(String.join("\n", zipkinBodies))
        .as("the span made before the application's logging is exported (Zipkin lower-cases names)")
        .containsIgnoringCase("\"name\":\"" + SPAN_BEFORE_LOGGING + "\"");
    assertTheApplicationCreatedItsLogManager(run);
  }

  @Test
  void aLogManagerNamedByTheApplicationsMainBecomesTheJvmsLogManager() throws Exception {
    ManagedProcess run;
    try (OtlpReceiver collector = OtlpReceiver.http()) {
      run = runApp(freePort(), List.of(), "set-in-main", otlp(collector.endpoint()));
      assertThat(collector.telemetry().spans())
          .anySatisfy(span -> assertThat(span.name()).isEqualTo(SPAN_BEFORE_LOGGING));
    }

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

  private static ManagedProcess runWithLogManagerOnTheCommandLine(Map<String, String> traceExport)
      throws Exception {
    // named with a configuration file, as catalina.sh names juli's: the JDK's own loggers then use
    // java.util.logging as soon as asked, not a stand-in until the application has set it up
    Path configuration = Files.createTempFile("logging", ".properties");
    try {
      return runApp(
          freePort(),
          List.of(
              "-Djava.util.logging.manager=" + LOG_MANAGER,
              "-Djava.util.logging.config.file=" + configuration),
          "set-on-command-line",
          traceExport);
    } finally {
      Files.delete(configuration);
    }
  }

  private static void assertTheApplicationCreatedItsLogManager(ManagedProcess run) {
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

  private static Map<String, String> otlp(String endpoint) {
    return Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
  }

  /**
   * Runs the application with its spans exported every 100 ms, so that one export falls before its
   * logging is set up.
   */
  private static ManagedProcess runApp(
      int prometheusPort,
      List<String> jvmOptions,
      String whoNamesTheLogManager,
      Map<String, String> traceExport)
      throws Exception {
    Map<String, String> env = new HashMap<>(traceExport);
    env.put("OTEL_METRICS_EXPORTER", "prometheus");
    env.put("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1");
    env.put("OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(prometheusPort));
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    env.put("OTEL_LOGS_EXPORTER", "none");
    ManagedProcess run =
        AgentJvm.main(APP)
            .libraries("opentelemetry-instrumentation-annotations", "opentelemetry-api")
            // young collections during start-up, each one a GC notification the agent records
            .jvmOptions("-Xmn4m", "-XX:+UseSerialGC")
            .jvmOptions(jvmOptions)
            .arguments(whoNamesTheLogManager, String.valueOf(prometheusPort), "500")
            .env(env)
            .run();
    assertThat(run.stdoutText()).contains("span before logging made");
    return run;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
