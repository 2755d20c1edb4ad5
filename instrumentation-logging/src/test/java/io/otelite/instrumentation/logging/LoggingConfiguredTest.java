package io.otelite.instrumentation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.logging.log4j.Log4jLines;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs in its own JVM (see the pom), with {@code otel.logs.exporter=none} and the MDC keys renamed
 * to {@code traceId}, {@code spanId} and {@code traceFlags}.
 */
class LoggingConfiguredTest {
  static {
    TestTelemetry.install();
  }

  @Test
  void logbackUsesTheConfiguredMdcKeys() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger("app.configured.logback");
    List<String> printed = new CopyOnWriteArrayList<>();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%X{traceId}|%X{spanId}|%X{traceFlags}|%X{trace_id}|%msg");
    layout.start();
    AppenderBase<ILoggingEvent> appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            printed.add(layout.doLayout(event));
          }
        };
    appender.setContext(context);
    appender.start();
    logger.addAppender(appender);

    SpanContext span = TestTelemetry.inSpan(() -> logger.info("hello"));

    assertThat(printed)
        .containsExactly(
            span.getTraceId()
                + "|"
                + span.getSpanId()
                + "|"
                + span.getTraceFlags().asHex()
                + "||hello");
  }

  @Test
  void log4jUsesTheConfiguredContextDataKeys() {
    List<String> printed =
        Log4jLines.attach("app.configured.log4j", "%X{traceId}|%X{spanId}|%X{trace_id}|%m").printed;

    SpanContext span =
        TestTelemetry.inSpan(() -> LogManager.getLogger("app.configured.log4j").info("hello"));

    assertThat(printed).containsExactly(span.getTraceId() + "|" + span.getSpanId() + "||hello");
  }

  @Test
  void withLogsExportedNowhereNoLogRecordIsCaptured() {
    TestTelemetry.inSpan(
        () -> {
          LoggerFactory.getLogger("app.configured.none").warn("logback line");
          LogManager.getLogger("app.configured.none").warn("log4j line");
        });

    assertThat(TestTelemetry.logRecords()).isEmpty();
  }
}
