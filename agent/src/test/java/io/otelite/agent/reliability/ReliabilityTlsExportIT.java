package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    try (OtlpReceiver receiver = OtlpReceiver.https(server.serverContext(List.of()), false);
        AppRun run = AppRun.withAgent(environment(receiver, true, false), WORK).awaitExit(30)) {
      System.out.println(
          "TLS: " + receiver.spans().size() + " spans over " + receiver.tracePosts() + " POSTs");
      assertThat(run.okCalls()).isEqualTo(5);
      assertThat(receiver.spans()).hasSize(5);
      assertThat(run.stderrLines()).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void spansArriveOverMutualTlsWithTheClientCertificateAndKey() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.https(server.serverContext(List.of(client)), true);
        AppRun run = AppRun.withAgent(environment(receiver, true, true), WORK).awaitExit(30)) {
      System.out.println(
          "mutual TLS: "
              + receiver.spans().size()
              + " spans over "
              + receiver.tracePosts()
              + " POSTs");
      assertThat(run.okCalls()).isEqualTo(5);
      assertThat(receiver.spans()).hasSize(5);
      assertThat(run.stderrLines()).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void withoutTheCertificateSettingExportFailsWithOneLineAndTheApplicationIsFine()
      throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.https(server.serverContext(List.of()), false);
        AppRun run = AppRun.withAgent(environment(receiver, false, false), WORK).awaitExit(30)) {
      System.out.println("TLS, certificate not trusted: stderr:\n" + run.stderr());
      assertThat(run.exitCode()).isZero();
      assertThat(run.okCalls()).isEqualTo(5);
      assertThat(run.failedCalls()).isZero();
      assertThat(receiver.tracePosts()).isZero();
      assertThat(run.stderrLines()).hasSize(1);
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
    try (OtlpReceiver receiver = OtlpReceiver.https(server.serverContext(List.of(client)), true);
        AppRun run =
            AppRun.withAgent(
                    environment(receiver, true, false), "durationMillis=12000", "pauseMillis=100")
                .awaitExit(40)) {
      System.out.println("mutual TLS without a client certificate: stderr:\n" + run.stderr());
      assertThat(run.exitCode()).isZero();
      assertThat(run.failedCalls()).isZero();
      assertThat(receiver.tracePosts()).isZero();
      assertThat(run.stderrLines()).hasSize(1);
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
      environment.put("OTEL_EXPORTER_OTLP_CERTIFICATE", server.certificatePem.toString());
    }
    if (clientCertificate) {
      environment.put("OTEL_EXPORTER_OTLP_CLIENT_KEY", client.privateKeyPem.toString());
      environment.put("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", client.certificatePem.toString());
    }
    return environment;
  }
}
