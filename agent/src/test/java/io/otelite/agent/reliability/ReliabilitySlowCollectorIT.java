package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A collector that accepts every export and answers only after 30 s: the exporter gives up after
 * its default 10 s timeout, the application never waits for it, the span queue stays bounded (what
 * does not fit is dropped and counted), and the failure costs one line.
 *
 * <p>The OTLP timeout is left at its default (10 s) on purpose: that is what users get, and the
 * application runs long enough (20 s) to see several exports time out.
 */
class ReliabilitySlowCollectorIT {
  private static final long ANSWER_AFTER_MILLIS = 30_000;
  private static final int QUEUE = 64;
  private static final Pattern DROPPED_METRIC =
      Pattern.compile(
          "otelite metric otelite\\.exporter\\.dropped_spans unit=\\{span\\} long_sum \\{\\} value=(\\d+)");

  @Test
  @Timeout(90)
  void theApplicationDoesNotWaitForASlowCollectorAndTheQueueStaysBounded() throws Exception {
    try (OtlpReceiver collector =
            OtlpReceiver.options()
                .answeringAfter(Duration.ofMillis(ANSWER_AFTER_MILLIS))
                .startHttp();
        ManagedProcess run =
            HttpCalls.underAgent(environment(collector), "durationMillis=20000", "pauseMillis=5")
                .start()) {
      // the no-fault run overlaps the slow one: same machine load for both, and its test time
      // saved
      long healthyP50;
      try (OtlpReceiver healthyCollector = OtlpReceiver.http();
          ManagedProcess healthy =
              HttpCalls.underAgent(
                      environment(healthyCollector), "durationMillis=3000", "pauseMillis=5")
                  .run()) {
        assertThat(HttpCalls.failedCalls(healthy)).isZero();
        healthyP50 = HttpCalls.p50Micros(healthy);
      }
      run.awaitExit(Duration.ofSeconds(60));
      long posts =
          collector.posts().stream().filter(post -> post.path().equals("/v1/traces")).count();
      long dropped = lastDroppedValue(run.stdoutText());
      System.out.println(
          "slow collector: "
              + HttpCalls.okCalls(run)
              + " calls served, "
              + HttpCalls.failedCalls(run)
              + " failed, p50 "
              + HttpCalls.p50Micros(run)
              + " us (healthy collector "
              + healthyP50
              + " us), trace POSTs "
              + posts
              + ", dropped spans "
              + dropped
              + "; stderr:\n"
              + run.stderrTextWithoutJvmNotice());

      assertThat(run.exitCode()).isZero();
      assertThat(HttpCalls.failedCalls(run)).isZero();
      assertThat(HttpCalls.okCalls(run)).isGreaterThan(500);
      // same bound as for a dead collector: an export on the application's thread would cost
      // seconds
      assertThat(HttpCalls.p50Micros(run)).isLessThanOrEqualTo(2 * healthyP50 + 1000);
      assertThat(posts).as("exports reached the collector and waited there").isPositive();
      // one span per call, none accepted: a bounded queue drops nearly all. SDK 1.63 reports drops
      // only with the next export, so those after the last export began (the one hung at exit) are
      // never counted: with a 3 s export timeout the exports that start during the 20 s run report
      // all but the last seconds of drops
      assertThat(dropped)
          .isLessThanOrEqualTo(HttpCalls.okCalls(run))
          .isGreaterThan(HttpCalls.okCalls(run) / 2);
      assertThat(run.stderrLinesContaining("WARN span export (OtlpHttpSpanExporter) is failing"))
          .hasSize(1)
          .allMatch(line -> line.contains("SocketTimeoutException: Read timed out"));
      assertThat(run.stderrLinesContaining("WARN spans are dropped because the span queue is full"))
          .hasSize(1);
      assertThat(run.stderrWithoutJvmNotice()).as("those two lines and nothing else").hasSize(2);
    }
  }

  private static Map<String, String> environment(OtlpReceiver collector) {
    return Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
        "OTEL_METRICS_EXPORTER", "console",
        "OTEL_METRIC_EXPORT_INTERVAL", "500",
        "OTEL_BSP_SCHEDULE_DELAY", "100",
        "OTEL_BSP_MAX_QUEUE_SIZE", String.valueOf(QUEUE),
        "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", String.valueOf(QUEUE),
        // each export gives up after 3 s, so several exports (each reporting the drops before it)
        // start during the 20 s run even on a loaded machine; with the default 10 s and a 13 s run
        // only the second one did, and a slow start pushed it past the end of the run
        "OTEL_EXPORTER_OTLP_TIMEOUT", "3000",
        "OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "2s");
  }

  private static long lastDroppedValue(String stdout) {
    Matcher matcher = DROPPED_METRIC.matcher(stdout);
    long value = -1;
    while (matcher.find()) {
      value = Long.parseLong(matcher.group(1));
    }
    assertThat(value).as("an otelite.exporter.dropped_spans point on stdout").isNotNegative();
    return value;
  }
}
