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
 * Spans dropped because the queue is full are counted in a metric and said in the log, never
 * silent.
 */
class ReliabilityDroppedSpansIT {
  private static final Pattern DROPPED_METRIC =
      Pattern.compile(
          "otelite metric otelite\\.exporter\\.dropped_spans unit=\\{span\\} long_sum \\{\\} value=(\\d+)");
  private static final int CALLS = 300;
  private static final int QUEUE = 4;
  private static final int BATCH = 2;

  @Test
  void aCollectorSlowerThanTheApplicationMakesCountedDrops() throws Exception {
    // each export takes 300 ms, the queue holds 4 spans: nearly every one of 300 quick calls is
    // dropped
    try (OtlpReceiver collector =
        OtlpReceiver.options().answeringAfter(Duration.ofMillis(300)).startHttp()) {
      Map<String, String> environment =
          Map.of(
              "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
              "OTEL_METRICS_EXPORTER", "console",
              "OTEL_METRIC_EXPORT_INTERVAL", "300",
              "OTEL_BSP_MAX_QUEUE_SIZE", String.valueOf(QUEUE),
              "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", String.valueOf(BATCH),
              "OTEL_BSP_SCHEDULE_DELAY", "50",
              "OTEL_JAVAAGENT_DEBUG", "true");

      try (ManagedProcess run =
          HttpCalls.underAgent(environment, "calls=" + CALLS, "afterMillis=2000").run()) {
        assertThat(run.exitCode()).isZero();
        assertThat(HttpCalls.okCalls(run)).isEqualTo(CALLS);
        long dropped = lastValue(run.stdoutText());
        long exportedAtMost =
            collector.posts().stream().filter(post -> post.path().equals("/v1/traces")).count()
                * BATCH;
        System.out.println(
            "dropped spans: metric "
                + dropped
                + " of "
                + CALLS
                + ", at most "
                + exportedAtMost
                + " exported");
        // every span is exported, dropped, or (at most a queue and a batch) still waiting
        assertThat(dropped)
            .isLessThanOrEqualTo(CALLS)
            .isGreaterThanOrEqualTo(CALLS - exportedAtMost - QUEUE - BATCH);
        assertThat(
                run.stderrLinesContaining("WARN spans are dropped because the span queue is full"))
            .hasSize(1);
        assertThat(run.stderrLinesContaining("DEBUG dropped ")).isNotEmpty();
        assertThat(run.stderrLinesContaining("BatchSpanProcessor dropped"))
            .as("the SDK's own line")
            .isEmpty();
        assertThat(run.stderrLinesContaining("is failing")).as("slow is not failing").isEmpty();
      }
    }
  }

  private static long lastValue(String stdout) {
    Matcher matcher = DROPPED_METRIC.matcher(stdout);
    long value = -1;
    while (matcher.find()) {
      value = Long.parseLong(matcher.group(1));
    }
    assertThat(value)
        .as("an otelite.exporter.dropped_spans point on stdout:\n" + stdout)
        .isNotNegative();
    return value;
  }
}
