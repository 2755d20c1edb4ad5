package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JVM exit waits for the last export at most otel.javaagent.shutdown-timeout, whatever the
 * collector does, and a short-lived program's spans reach a healthy collector.
 */
class ReliabilityShutdownIT {
  private static final Pattern DONE_AT = Pattern.compile("application done at (\\d+)");
  private static final long TIMEOUT_MILLIS = 2000;
  // JVM teardown and process reaping on a loaded 2-core machine; far below the 10 s OTLP timeout
  private static final long SLACK_MILLIS = 2500;

  private static Map<String, String> hungCollector(OtlpReceiver collector) {
    return Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        collector.endpoint(),
        "OTEL_METRICS_EXPORTER",
        "none",
        "OTEL_BSP_SCHEDULE_DELAY",
        "60000",
        "OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT",
        TIMEOUT_MILLIS + "ms");
  }

  @Test
  void systemExitWithACollectorThatNeverAnswersReturnsWithinTheTimeout() throws Exception {
    try (OtlpReceiver collector =
            OtlpReceiver.options().answeringAfter(Duration.ofMillis(120_000)).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(hungCollector(collector), "calls=20", "end=exit").run()) {
      long exitMillis = run.exitedAtMillis() - doneAt(run);
      System.out.println("System.exit with a hung collector took " + exitMillis + " ms");
      assertThat(run.exitCode()).isZero();
      assertThat(collector.posts())
          .as("the last export reached the collector and hung there")
          .isNotEmpty();
      assertThat(exitMillis).isLessThan(TIMEOUT_MILLIS + SLACK_MILLIS);
    }
  }

  /**
   * Nothing listening: each batch's export retries for seconds with backoff, and the SDK's shutdown
   * waits for the metric reader's last export; exit still takes no longer than the timeout, and
   * says what was cut.
   */
  @Test
  void systemExitWithNothingListeningReturnsWithinTheTimeout() throws Exception {
    Map<String, String> deadCollector =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            OtlpReceiver.deadEndpoint(),
            "OTEL_BSP_SCHEDULE_DELAY",
            "100",
            "OTEL_METRIC_EXPORT_INTERVAL",
            "200",
            "OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT",
            TIMEOUT_MILLIS + "ms");
    try (ManagedProcess run = HttpCalls.underAgent(deadCollector, "calls=20", "end=exit").run()) {
      long exitMillis = run.exitedAtMillis() - doneAt(run);
      System.out.println("System.exit with nothing listening took " + exitMillis + " ms");
      assertThat(run.exitCode()).isZero();
      assertThat(exitMillis).isLessThan(TIMEOUT_MILLIS + SLACK_MILLIS);
      assertThat(
              run.stderrLinesContaining(
                  "the last export did not finish within otel.javaagent.shutdown-timeout (2000 ms)"))
          .hasSize(1);
    }
  }

  @Test
  void sigtermWithACollectorThatNeverAnswersReturnsWithinTheTimeout() throws Exception {
    try (OtlpReceiver collector =
            OtlpReceiver.options().answeringAfter(Duration.ofMillis(120_000)).startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(hungCollector(collector), "calls=20", "end=wait").start()) {
      run.awaitStdoutContaining("waiting to be stopped", Duration.ofSeconds(30));
      long sent = System.currentTimeMillis();
      run.sendTerm(); // SIGTERM
      run.awaitExit(Duration.ofSeconds(30));
      long exitMillis = run.exitedAtMillis() - sent;
      System.out.println("SIGTERM with a hung collector took " + exitMillis + " ms");
      assertThat(run.exitCode()).isEqualTo(143);
      assertThat(collector.posts())
          .as("the last export reached the collector and hung there")
          .isNotEmpty();
      assertThat(exitMillis).isLessThan(TIMEOUT_MILLIS + SLACK_MILLIS);
    }
  }

  @Test
  void aShortLivedProgramsSpansReachAHealthyCollectorAtExit() throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.http();
        ManagedProcess run =
            HttpCalls.underAgent(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                        "OTEL_METRICS_EXPORTER", "none",
                        // no scheduled export before exit: only the shutdown flush can send them
                        "OTEL_BSP_SCHEDULE_DELAY", "60000"),
                    "calls=10")
                .run()) {
      assertThat(run.exitCode()).isZero();
      assertThat(collector.nonEmptyPosts("/v1/traces", 200)).isEqualTo(1);
      assertThat(run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  private static long doneAt(ManagedProcess run) {
    Matcher matcher = DONE_AT.matcher(run.stdoutText());
    assertThat(matcher.find()).as("'application done at' on stdout").isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
