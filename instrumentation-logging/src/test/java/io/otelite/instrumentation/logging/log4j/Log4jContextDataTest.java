package io.otelite.instrumentation.logging.log4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.logging.TestTelemetry;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Log4jContextDataTest {
  static {
    TestTelemetry.install();
  }

  private final Log4jLines lines =
      Log4jLines.attach("app.log4j.mdc", "%X{trace_id}|%X{span_id}|%X{trace_flags}|%X{user}|%m");
  private final Logger logger = LogManager.getLogger("app.log4j.mdc");

  @AfterEach
  void clear() {
    ThreadContext.clearAll();
  }

  @Test
  void insideASpanThePatternPrintsItsTraceIdSpanIdAndFlags() {
    SpanContext span = TestTelemetry.inSpan(() -> logger.info("order placed"));

    assertThat(lines.printed)
        .containsExactly(
            span.getTraceId()
                + "|"
                + span.getSpanId()
                + "|"
                + span.getTraceFlags().asHex()
                + "||order placed");
  }

  @Test
  void outsideASpanThereAreNoIds() {
    logger.info("no request");

    assertThat(lines.printed).containsExactly("||||no request");
  }

  @Test
  void theThreadContextStaysAndGetsNoIds() {
    ThreadContext.put("user", "ada");

    SpanContext span = TestTelemetry.inSpan(() -> logger.info("hello"));
    logger.info("after");

    assertThat(lines.printed)
        .containsExactly(
            span.getTraceId()
                + "|"
                + span.getSpanId()
                + "|"
                + span.getTraceFlags().asHex()
                + "|ada|hello",
            "|||ada|after");
    assertThat(ThreadContext.get("trace_id")).isNull();
  }

  @Test
  void theFluentApiGetsTheIdsToo() {
    SpanContext span = TestTelemetry.inSpan(() -> logger.atWarn().log("fluent"));

    assertThat(lines.printed)
        .containsExactly(
            span.getTraceId()
                + "|"
                + span.getSpanId()
                + "|"
                + span.getTraceFlags().asHex()
                + "||fluent");
  }
}
