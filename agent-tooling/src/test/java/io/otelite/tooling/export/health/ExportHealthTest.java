package io.otelite.tooling.export.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.testing.AgentLogCapture;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collector that goes down and comes back costs the user two lines, whatever the number of
 * batches in between, and no line ever carries the endpoint or a header.
 */
class ExportHealthTest {
  @RegisterExtension final AgentLogCapture log = new AgentLogCapture();
  private final ExportHealth health = new ExportHealth("span export (OtlpHttpSpanExporter)");

  private String[] lines() {
    return log.lines();
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
      health.watch(CompletableResultCode.ofExceptionalFailure(FailedExports.http(503)));
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
    health.watch(CompletableResultCode.ofExceptionalFailure(FailedExports.http(503)));
    health.watch(CompletableResultCode.ofExceptionalFailure(FailedExports.http(502)));
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
    health.watch(CompletableResultCode.ofExceptionalFailure(FailedExports.http(503)));
    zipkin.watch(CompletableResultCode.ofExceptionalFailure(FailedExports.http(503)));
    zipkin.watch(CompletableResultCode.ofSuccess());

    assertThat(lines()).hasSize(3);
    assertThat(lines()[2])
        .isEqualTo("[otelite] span export (ZipkinSpanExporter) works again, after 1 failed export");
  }

  @Test
  void aFailureIsDescribedByStatusOrByTheCauseThatSaysItNeverByTheEndpoint() {
    assertThat(ExportHealth.describe(FailedExports.http(401))).isEqualTo("HTTP 401");
    assertThat(ExportHealth.describe(FailedExports.grpc(GrpcStatusCode.UNAVAILABLE)))
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
}
