package io.otelite.instrumentation.logging.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.otelite.instrumentation.logging.TestTelemetry;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Log4jExportTest {
  static {
    TestTelemetry.install();
  }

  private final Log4jLines lines = Log4jLines.attach("app.log4j.export", "%m");
  private final Logger logger = LogManager.getLogger("app.log4j.export");

  @BeforeEach
  void clear() {
    TestTelemetry.clearLogRecords();
  }

  @Test
  void aLogLineBecomesARecordWithSeverityBodyScopeAndItsSpan() {
    SpanContext span = TestTelemetry.inSpan(() -> logger.info("stock low: {} left", 3));

    assertThat(TestTelemetry.logRecords())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getBodyValue().asString()).isEqualTo("stock low: 3 left");
              assertThat(record.getSeverity()).isEqualTo(Severity.INFO);
              assertThat(record.getSeverityText()).isEqualTo("INFO");
              assertThat(record.getInstrumentationScopeInfo().getName())
                  .isEqualTo("app.log4j.export");
              assertThat(record.getSpanContext()).isEqualTo(span);
              assertThat(record.getTimestampEpochNanos()).isPositive();
            });
    assertThat(lines.printed)
        .as("the application's own output is unchanged")
        .containsExactly("stock low: 3 left");
  }

  @Test
  void anExceptionPassedAsTheLastArgumentBecomesExceptionAttributes() {
    logger.error("payment {} failed", "p-1", new IllegalStateException("card declined"));

    LogRecordData record = TestTelemetry.logRecords().get(0);
    assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(record.getBodyValue().asString()).isEqualTo("payment p-1 failed");
    assertThat(record.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(record.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE))
        .isEqualTo("card declined");
  }

  @Test
  void theFluentApiMakesOneRecord() {
    logger.atWarn().log("fluent");

    assertThat(TestTelemetry.logRecords())
        .singleElement()
        .satisfies(record -> assertThat(record.getSeverity()).isEqualTo(Severity.WARN));
  }

  @Test
  void linesLoggedWhileTheAgentExportsAreNotRecords() {
    InstrumentationUtil.suppressInstrumentation(
        () -> logger.warn("from the exporter's HTTP client"));

    assertThat(TestTelemetry.logRecords()).isEmpty();
  }

  @Test
  void linesBelowTheLevelAreNotRecords() {
    logger.debug("not enabled");

    assertThat(TestTelemetry.logRecords()).isEmpty();
  }
}
