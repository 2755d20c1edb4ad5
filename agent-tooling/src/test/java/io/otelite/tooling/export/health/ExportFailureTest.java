package io.otelite.tooling.export.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import java.net.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which failures mean "this batch will never be accepted" (drop it) and which mean "try again
 * later" (keep it): disk buffering decides by this.
 */
class ExportFailureTest {

  @ParameterizedTest
  @CsvSource({
    "400, true",
    "413, true",
    "415, true",
    "422, true",
    "401, false",
    "403, false",
    "404, false",
    "429, false",
    "500, false",
    "503, false"
  })
  void theCollectorRefusesTheDataOnlyForStatusesThatSendingAgainCannotChange(
      int status, boolean refused) {
    assertThat(ExportFailure.refusesTheData(FailedExports.http(status))).isEqualTo(refused);
  }

  @ParameterizedTest
  @EnumSource(GrpcStatusCode.class)
  void overGrpcOnlyInvalidArgumentRefusesTheData(GrpcStatusCode status) {
    assertThat(ExportFailure.refusesTheData(FailedExports.grpc(status)))
        .isEqualTo(status == GrpcStatusCode.INVALID_ARGUMENT);
  }

  @ParameterizedTest
  @CsvSource({"no response", "not an export failure", "null"})
  void aFailureWithoutTheCollectorsAnswerIsNeverARefusal(String kind) {
    Throwable failure =
        switch (kind) {
          case "no response" ->
              FailedExportException.httpFailedExceptionally(new ConnectException("refused"));
          case "not an export failure" -> new IllegalStateException("400");
          default -> null;
        };

    assertThat(ExportFailure.refusesTheData(failure)).isFalse();
  }
}
