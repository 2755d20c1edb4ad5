package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OTLP/HTTP export over TLS to a receiver whose certificate was made for this run: trusted through
 * {@code OTEL_EXPORTER_OTLP_CERTIFICATE}, with a client certificate when the receiver asks for one;
 * and, when the certificate is not trusted, one line and an application that does not notice.
 */
class ReliabilityTlsExportIT {
  private static final String SPAN_FAILING = "WARN span export (OtlpHttpSpanExporter) is failing";
  private static final String[] WORK = {"calls=5", "afterMillis=1500"};
  private static Path directory;
  private static TestCertificate server;
  private static TestCertificate client;

  @BeforeAll
  static void certificates() throws Exception {
    directory = Files.createTempDirectory("otelite-tls");
    server = TestCertificate.generate(directory, "collector");
    client = TestCertificate.generate(directory, "application");
  }

  @AfterAll
  static void removeCertificates() throws Exception {
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }

  @Test
  @Timeout(60)
  void spansArriveOverTlsWhenTheCollectorsCertificateIsTrusted() throws Exception {
    try (OtlpReceiver receiver =
            OtlpReceiver.options().tls(server.serverContext(List.of()), false).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(environment(receiver, true, false), WORK)
                .run(Duration.ofSeconds(30))) {
      System.out.println(
          "TLS: "
              + receiver.telemetry().spans().size()
              + " spans over "
              + receiver.telemetry().traceRequests()
              + " POSTs");
      assertThat(HttpCalls.okCalls(run)).isEqualTo(5);
      assertThat(receiver.telemetry().spans()).hasSize(5);
      assertThat(run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void spansArriveOverMutualTlsWithTheClientCertificateAndKey() throws Exception {
    try (OtlpReceiver receiver =
            OtlpReceiver.options().tls(server.serverContext(List.of(client)), true).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(environment(receiver, true, true), WORK)
                .run(Duration.ofSeconds(30))) {
      System.out.println(
          "mutual TLS: "
              + receiver.telemetry().spans().size()
              + " spans over "
              + receiver.telemetry().traceRequests()
              + " POSTs");
      assertThat(HttpCalls.okCalls(run)).isEqualTo(5);
      assertThat(receiver.telemetry().spans()).hasSize(5);
      assertThat(run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void withoutTheCertificateSettingExportFailsWithOneLineAndTheApplicationIsFine()
      throws Exception {
    try (OtlpReceiver receiver =
            OtlpReceiver.options().tls(server.serverContext(List.of()), false).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(environment(receiver, false, false), WORK)
                .run(Duration.ofSeconds(30))) {
      System.out.println(
          "TLS, certificate not trusted: stderr:\n" + run.stderrTextWithoutJvmNotice());
      assertThat(run.exitCode()).isZero();
      assertThat(HttpCalls.okCalls(run)).isEqualTo(5);
      assertThat(HttpCalls.failedCalls(run)).isZero();
      assertThat(receiver.telemetry().traceRequests()).isZero();
      assertThat(run.stderrWithoutJvmNotice()).hasSize(1);
      assertThat(run.stderrLinesContaining(SPAN_FAILING))
          .hasSize(1)
          .allMatch(line -> line.contains("SSLHandshakeException"));
    }
  }

  @Test
  @Timeout(60)
  void aCollectorRequiringAClientCertificateRefusesAnExporterWithoutOneAndThatIsOneLine()
      throws Exception {
    // with TLS 1.3 the refusal comes after the handshake, as a connection closed without a
    // response: an IOException
    // the exporter retries (5 attempts, about 8 s) before the export counts as failed, hence 12 s
    // of work
    try (OtlpReceiver receiver =
            OtlpReceiver.options().tls(server.serverContext(List.of(client)), true).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(
                    environment(receiver, true, false), "durationMillis=12000", "pauseMillis=100")
                .run(Duration.ofSeconds(40))) {
      System.out.println(
          "mutual TLS without a client certificate: stderr:\n" + run.stderrTextWithoutJvmNotice());
      assertThat(run.exitCode()).isZero();
      assertThat(HttpCalls.failedCalls(run)).isZero();
      assertThat(receiver.telemetry().traceRequests()).isZero();
      assertThat(run.stderrWithoutJvmNotice()).hasSize(1);
      assertThat(run.stderrLinesContaining(SPAN_FAILING)).hasSize(1);
    }
  }

  private static Map<String, String> environment(
      OtlpReceiver receiver, boolean trustServer, boolean clientCertificate) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    environment.put("OTEL_METRICS_EXPORTER", "none");
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    environment.put("OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "2s");
    if (trustServer) {
      environment.put("OTEL_EXPORTER_OTLP_CERTIFICATE", server.certificatePem().toString());
    }
    if (clientCertificate) {
      environment.put("OTEL_EXPORTER_OTLP_CLIENT_KEY", client.privateKeyPem().toString());
      environment.put("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", client.certificatePem().toString());
    }
    return environment;
  }
}
