package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedLog;
import io.otelite.harness.ReceivedSpan;
import io.otelite.smoke.harness.SmallApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application that logs with Logback 1.5 and Log4j 2.17 (the oldest Log4j line still maintained)
 * inside a {@code @WithSpan} method, under the agent: {@code %X{trace_id}} in both patterns prints
 * the span's trace id, the annotated method makes a span, and with an OTLP endpoint its log records
 * arrive with their trace and span ids.
 */
class LoggingAndWithSpanTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LOGGED_IN_SPAN =
      Pattern.compile("logback trace_id=([0-9a-f]{32}) span_id=([0-9a-f]{16}) handling order A-17");
  private static final Pattern LOG4J_LOGGED_IN_SPAN =
      Pattern.compile(
          "log4j trace_id=([0-9a-f]{32}) span_id=([0-9a-f]{16}) log4j handled order A-17");
  private static final Pattern CONSOLE_SPAN =
      Pattern.compile(
          "otelite span 'LoggingApp.handle' INTERNAL trace=([0-9a-f]{32}) span=([0-9a-f]{16}) ");

  private static SmallApp app;

  @BeforeAll
  static void compile() throws IOException {
    app = SmallApp.compile("logging", libraries());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void withoutConfigurationThePatternPrintsTheTraceIdOfTheWithSpanSpanAndLogsAreNotPrintedTwice() {
    printsTheSpansIdsInLogLines(app);
  }

  /**
   * Logback 1.2's class files are Java 6 ones: the agent raises them to Java 7 to call its advice.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void logback12PrintsTheTraceIdToo() throws IOException {
    List<Path> libraries = new ArrayList<>(jars("apps/logback12-libs"));
    for (Path jar : libraries()) {
      String name = jar.getFileName().toString();
      if (!name.startsWith("logback-") && !name.startsWith("slf4j-")) {
        libraries.add(jar);
      }
    }
    printsTheSpansIdsInLogLines(app.withLibraries(libraries));
  }

  private static void printsTheSpansIdsInLogLines(SmallApp application) {
    try (ManagedProcess process = application.underAgent("logging-console", "LoggingApp").start()) {
      process.awaitStdoutLine("'done'", "done"::equals, WAIT);
      assertThat(process.awaitExit(WAIT)).isZero();

      String stdout = String.join("\n", process.stdout());
      Matcher logged = LOGGED_IN_SPAN.matcher(stdout);
      Matcher log4jLogged = LOG4J_LOGGED_IN_SPAN.matcher(stdout);
      Matcher span = CONSOLE_SPAN.matcher(stdout);
      assertThat(logged.find()).as(process.tail()).isTrue();
      assertThat(span.find()).as(process.tail()).isTrue();
      assertThat(logged.group(1)).as("trace id in the log line").isEqualTo(span.group(1));
      assertThat(logged.group(2)).as("span id in the log line").isEqualTo(span.group(2));
      assertThat(log4jLogged.find()).as(process.tail()).isTrue();
      assertThat(log4jLogged.group(1)).as("trace id in the Log4j line").isEqualTo(span.group(1));
      assertThat(log4jLogged.group(2)).as("span id in the Log4j line").isEqualTo(span.group(2));
      assertThat(stdout).contains("logback trace_id= span_id= outside any span");
      assertThat(stdout).as("logs are exported nowhere by default").doesNotContain("otelite log");
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void withAnOtlpEndpointTheSpanAndTheLogRecordsWithTheirIdsArrive() {
    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent("logging-otlp", "LoggingApp").exportingTo(receiver).start()) {
      process.awaitStdoutLine("'done'", "done"::equals, WAIT);

      ReceivedSpan span =
          receiver
              .telemetry()
              .awaitSpan("the @WithSpan span", s -> s.name().equals("LoggingApp.handle"));
      assertThat(span.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
      assertThat(span.attribute("order.id")).isEqualTo("A-17");

      ReceivedLog logback =
          receiver
              .telemetry()
              .awaitLog("the Logback record", log -> log.body().equals("handling order A-17"));
      assertThat(logback.scopeName()).isEqualTo("LoggingApp");
      assertThat(logback.severityText()).isEqualTo("INFO");
      assertThat(logback.traceId()).isEqualTo(span.traceId());
      assertThat(logback.spanId()).isEqualTo(span.spanId());

      ReceivedLog log4j =
          receiver
              .telemetry()
              .awaitLog("the Log4j record", log -> log.body().equals("log4j handled order A-17"));
      assertThat(log4j.scopeName()).isEqualTo("LoggingApp.log4j");
      assertThat(log4j.severityText()).isEqualTo("WARN");
      assertThat(log4j.traceId()).isEqualTo(span.traceId());
      assertThat(log4j.spanId()).isEqualTo(span.spanId());

      ReceivedLog outside =
          receiver
              .telemetry()
              .awaitLog(
                  "the record outside any span", log -> log.body().equals("outside any span"));
      assertThat(outside.traceId()).isEmpty();
    }
  }

  private static List<Path> libraries() throws IOException {
    // copied by maven-dependency-plugin (execution copy-logging-app-libraries)
    List<Path> found = jars("apps/logging-libs");
    assertThat(found)
        .as("Logback, Log4j and the annotations, copied by Maven")
        .hasSizeGreaterThan(5);
    return found;
  }

  private static List<Path> jars(String directory) throws IOException {
    try (Stream<Path> jars = Files.list(Locations.moduleTarget().resolve(directory))) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
