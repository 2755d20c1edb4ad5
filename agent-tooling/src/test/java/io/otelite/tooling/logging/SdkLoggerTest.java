package io.otelite.tooling.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.export.health.DroppedSpans;
import io.otelite.tooling.testing.AgentLogCapture;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What becomes of the lines the agent's copy of the SDK logs (in the jar every
 * java.util.logging.Logger call of the SDK is a call of SdkLogger): a user sees warnings and what
 * they asked for, nothing per batch.
 */
class SdkLoggerTest {
  private static final String SDK = "io.opentelemetry.";
  @RegisterExtension final AgentLogCapture log = new AgentLogCapture();

  private String stderr() {
    return log.text();
  }

  @Test
  void aWarningOfTheSdkIsOneLineWithTheAgentsPrefix() {
    SdkLogger.getLogger(SDK + "sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder")
        .log(Level.WARNING, "something is off");

    assertThat(stderr())
        .isEqualTo(
            "[otelite] WARN SDK WARNING AutoConfiguredOpenTelemetrySdkBuilder: something is off\n");
  }

  @Test
  void aFailedBatchIsNotPrintedTheExportHealthLineSaysItOnce() {
    SdkLogger exporter = SdkLogger.getLogger(SDK + "exporter.internal.http.HttpExporter");
    exporter.log(
        Level.SEVERE,
        "Failed to export spans. The request could not be executed.",
        new RuntimeException("x"));

    assertThat(stderr()).isEmpty();

    AgentLog.setDebug(true);
    exporter.log(Level.SEVERE, "Failed to export spans.", new RuntimeException("refused"));
    assertThat(stderr())
        .contains(
            "[otelite] DEBUG SDK SEVERE HttpExporter: Failed to export spans. (RuntimeException: refused)");
  }

  @Test
  void theBatchSpanProcessorsDropReportIsCountedNotPrinted() {
    long before = DroppedSpans.total();

    SdkLogger.getLogger(BatchSpanProcessor.class.getName())
        .log(
            Level.WARNING,
            "BatchSpanProcessor dropped 12 span(s) since the last export because the queue is full (maxQueueSize=2048)");

    assertThat(DroppedSpans.total() - before).isEqualTo(12);
    assertThat(stderr()).doesNotContain("BatchSpanProcessor dropped");
  }

  @Test
  void theLoggingOtlpExportersOutputIsPrintedAsItIs() {
    SdkLogger logger =
        SdkLogger.getLogger(
            SDK + "exporter.logging.otlp.internal.traces.OtlpJsonLoggingSpanExporter");

    assertThat(logger.isLoggable(Level.INFO)).isTrue();
    logger.log(Level.INFO, "{\"resourceSpans\":[]}");

    assertThat(stderr()).isEqualTo("{\"resourceSpans\":[]}\n");
  }

  @Test
  void finerLevelsAreNotEvenBuiltOutsideDebugMode() {
    SdkLogger logger = SdkLogger.getLogger(SDK + "sdk.trace.SdkTracerProvider");

    assertThat(logger.isLoggable(Level.INFO)).isFalse();
    assertThat(logger.isLoggable(Level.FINE)).isFalse();
    logger.info("informational");
    logger.fine("detail");
    assertThat(stderr()).isEmpty();

    AgentLog.setDebug(true);
    assertThat(logger.isLoggable(Level.FINE)).isTrue();
    logger.log(Level.FINE, "value {0} of {1}", new Object[] {"a", "b"});
    assertThat(stderr()).isEqualTo("[otelite] DEBUG SDK FINE SdkTracerProvider: value a of b\n");
  }

  @Test
  void aLevelSetOnTheLoggerSilencesItButNeverMakesItLouder() {
    SdkLogger logger =
        SdkLogger.getLogger(SDK + "sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder");

    logger.setLevel(Level.SEVERE);
    logger.warning("hidden");
    assertThat(stderr()).isEmpty();

    logger.setLevel(Level.ALL);
    assertThat(logger.isLoggable(Level.FINE)).isFalse();
  }
}
