package io.otelite.instrumentation.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.logging.TestTelemetry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogbackMdcTest {
  static {
    TestTelemetry.install();
  }

  private static final String PATTERN = "%X{trace_id}|%X{span_id}|%X{trace_flags}|%X{user}|%msg";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger("app.orders");
  private final Lines lines = new Lines(context);

  @BeforeEach
  void attach() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void detach() {
    logger.detachAndStopAllAppenders();
    MDC.clear();
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
  void theApplicationsOwnMdcEntriesStay() {
    MDC.put("user", "ada");

    SpanContext span = TestTelemetry.inSpan(() -> logger.info("hello"));

    assertThat(lines.printed)
        .containsExactly(
            span.getTraceId()
                + "|"
                + span.getSpanId()
                + "|"
                + span.getTraceFlags().asHex()
                + "|ada|hello");
    assertThat(MDC.get("trace_id")).as("the thread's MDC itself is untouched").isNull();
  }

  @Test
  void anAsynchronousAppenderPrintsTheIdsOfTheSpanTheEventWasLoggedIn() throws Exception {
    CountDownLatch spanEnded = new CountDownLatch(1);
    Lines slow =
        new Lines(context) {
          @Override
          protected void append(ILoggingEvent event) {
            try {
              spanEnded.await(5, TimeUnit.SECONDS); // reads the event only once the span is over
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.append(event);
          }
        };
    slow.start();
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.addAppender(slow);
    async.start();
    Logger asyncLogger = context.getLogger("app.async");
    asyncLogger.addAppender(async);
    try {
      SpanContext span = TestTelemetry.inSpan(() -> asyncLogger.info("later"));
      spanEnded.countDown();
      async.stop(); // drains the queue

      assertThat(slow.printed)
          .containsExactly(
              span.getTraceId()
                  + "|"
                  + span.getSpanId()
                  + "|"
                  + span.getTraceFlags().asHex()
                  + "||later");
    } finally {
      asyncLogger.detachAndStopAllAppenders();
    }
  }

  @Test
  void anEventKeepsTheIdsOfTheSpanItWasCreatedInWhenReadLaterOnAnotherThread() throws Exception {
    LoggingEvent[] event = new LoggingEvent[1];
    SpanContext span =
        TestTelemetry.inSpan(
            () ->
                event[0] =
                    new LoggingEvent(
                        Logger.FQCN, logger, Level.INFO, "created in a span", null, null));

    ExecutorService otherThread = Executors.newSingleThreadExecutor();
    try {
      Map<String, String> readLater =
          CompletableFuture.supplyAsync(() -> event[0].getMDCPropertyMap(), otherThread)
              .get(5, TimeUnit.SECONDS);

      assertThat(readLater)
          .containsEntry("trace_id", span.getTraceId())
          .containsEntry("span_id", span.getSpanId());
    } finally {
      otherThread.shutdown();
    }
  }

  /** An appender that keeps each event as the pattern prints it. */
  static class Lines extends AppenderBase<ILoggingEvent> {
    final List<String> printed = new CopyOnWriteArrayList<>();
    private final PatternLayout layout = new PatternLayout();

    Lines(LoggerContext context) {
      setContext(context);
      layout.setContext(context);
      layout.setPattern(PATTERN);
      layout.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
      printed.add(layout.doLayout(event));
    }
  }
}
