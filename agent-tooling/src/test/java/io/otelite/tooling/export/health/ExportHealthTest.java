package io.otelite.tooling.export.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.otelite.instrumentation.api.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A collector that goes down and comes back costs the user two lines, whatever the number of
 * batches in between, and no line ever carries the endpoint or a header.
 */
class ExportHealthTest {
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ExportHealth health = new ExportHealth("span export (OtlpHttpSpanExporter)");
  private PrintStream originalStderr;

  @BeforeEach
  void captureStderr() {
    originalStderr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalStderr);
    AgentLog.setDebug(false);
  }

  private String[] lines() {
    String text = stderr.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? new String[0] : text.split("\n");
  }

  @Test
  void healthyExportsSayNothing() {
    health.watch(CompletableResultCode.ofSuccess());
    health.watch(CompletableResultCode.ofSuccess());

    assertThat(lines()).isEmpty();
  }

  @Test
  void anOutageIsOneLineWhenItStartsAndOneWhenItEnds() {
    for (int batch = 0; batch < 3; batch++) {
      health.watch(CompletableResultCode.ofExceptionalFailure(httpFailure(503)));
    }
    health.watch(CompletableResultCode.ofSuccess());
    health.watch(CompletableResultCode.ofSuccess());

    assertThat(lines())
        .containsExactly(
            "[otelite] WARN span export (OtlpHttpSpanExporter) is failing (HTTP 503); the"
                + " application is not affected, data waits in a bounded buffer (memory, or disk"
                + " with disk buffering) and one line will say when export works again",
            "[otelite] span export (OtlpHttpSpanExporter) works again, after 3 failed exports");
  }

  @Test
  void eachFailedBatchAfterTheFirstIsInTheDebugLogOnly() {
    AgentLog.setDebug(true);
    health.watch(CompletableResultCode.ofExceptionalFailure(httpFailure(503)));
    health.watch(CompletableResultCode.ofExceptionalFailure(httpFailure(502)));
    health.watch(CompletableResultCode.ofSuccess());

    assertThat(lines()).hasSize(3);
    assertThat(lines()[1])
        .isEqualTo("[otelite] DEBUG span export (OtlpHttpSpanExporter) failed again (HTTP 502)");
    assertThat(lines()[2]).endsWith("works again, after 2 failed exports");
  }

  @Test
  void aResultThatCompletesLaterOnTheSendersThreadIsWatchedToo() throws Exception {
    CompletableResultCode pending = new CompletableResultCode();
    assertThat(health.watch(pending)).isSameAs(pending);
    assertThat(lines()).isEmpty();

    Thread sender = new Thread(pending::fail);
    sender.start();
    sender.join();

    assertThat(lines())
        .singleElement()
        .asString()
        .contains("is failing (the exporter reported a failure)");
  }

  @Test
  void eachExportHasItsOwnHealthSoOneFailingDoesNotHideAnothersRecovery() {
    ExportHealth zipkin = new ExportHealth("span export (ZipkinSpanExporter)");
    health.watch(CompletableResultCode.ofExceptionalFailure(httpFailure(503)));
    zipkin.watch(CompletableResultCode.ofExceptionalFailure(httpFailure(503)));
    zipkin.watch(CompletableResultCode.ofSuccess());

    assertThat(lines()).hasSize(3);
    assertThat(lines()[2])
        .isEqualTo("[otelite] span export (ZipkinSpanExporter) works again, after 1 failed export");
  }

  @Test
  void aFailureIsDescribedByStatusOrByTheCauseThatSaysItNeverByTheEndpoint() {
    assertThat(ExportHealth.describe(httpFailure(401))).isEqualTo("HTTP 401");
    assertThat(
            ExportHealth.describe(
                FailedExportException.grpcFailedWithResponse(
                    new ExportFailureTest.Grpc(
                        io.opentelemetry.sdk.common.export.GrpcStatusCode.UNAVAILABLE))))
        .isEqualTo("gRPC status UNAVAILABLE");
    // the JDK sender wraps the ConnectException that says what happened
    Throwable refused =
        FailedExportException.httpFailedExceptionally(
            new CompletionException(
                new UncheckedIOException(new ConnectException("Connection refused"))));
    assertThat(ExportHealth.describe(refused)).isEqualTo("ConnectException: Connection refused");
    // a message that names the endpoint may carry user-info: only the type is said
    Throwable naming =
        FailedExportException.httpFailedExceptionally(
            new ConnectException("cannot reach http://alice:s3cret@collector:4318/v1/traces"));
    assertThat(ExportHealth.describe(naming)).isEqualTo("ConnectException");
    assertThat(ExportHealth.describe(null)).isEqualTo("the exporter reported a failure");
  }

  static Throwable httpFailure(int status) {
    return FailedExportException.httpFailedWithResponse(new ExportFailureTest.Http(status));
  }
}
