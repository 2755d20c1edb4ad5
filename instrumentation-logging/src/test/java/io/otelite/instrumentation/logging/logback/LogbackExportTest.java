package io.otelite.instrumentation.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.otelite.instrumentation.logging.TestTelemetry;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogbackExportTest {
  static {
    TestTelemetry.install();
  }

  private final Logger logger =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("app.export");

  @BeforeEach
  void clear() {
    logger.setLevel(Level.INFO);
    TestTelemetry.clearLogRecords();
  }

  @Test
  void aLogLineBecomesARecordWithSeverityBodyScopeTimeAndItsSpan() {
    Instant before = Instant.now();
    SpanContext span = TestTelemetry.inSpan(() -> logger.warn("stock low: {} left", 3));

    assertThat(TestTelemetry.logRecords())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getBodyValue().asString()).isEqualTo("stock low: 3 left");
              assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
              assertThat(record.getSeverityText()).isEqualTo("WARN");
              assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("app.export");
              assertThat(record.getSpanContext()).isEqualTo(span);
              assertThat(record.getTimestampEpochNanos())
                  .isBetween(toNanos(before) - 1_000_000, toNanos(Instant.now()));
            });
  }

  @Test
  void anExceptionBecomesExceptionAttributes() {
    logger.error("payment failed", new IllegalStateException("card declined"));

    LogRecordData record = TestTelemetry.logRecords().get(0);
    assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(record.getSpanContext().isValid()).isFalse();
    assertThat(record.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(record.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE))
        .isEqualTo("card declined");
    assertThat(record.getAttributes().get(ExceptionAttributes.EXCEPTION_STACKTRACE))
        .startsWith("java.lang.IllegalStateException: card declined")
        .contains("LogbackExportTest");
  }

  @Test
  void linesBelowTheLoggersLevelAreNotRecords() {
    logger.debug("not enabled");

    assertThat(TestTelemetry.logRecords()).isEmpty();
  }

  @Test
  void linesLoggedWhileTheAgentExportsAreNotRecords() {
    InstrumentationUtil.suppressInstrumentation(
        () -> logger.warn("from the exporter's HTTP client"));

    assertThat(TestTelemetry.logRecords()).isEmpty();
  }

  private static long toNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
