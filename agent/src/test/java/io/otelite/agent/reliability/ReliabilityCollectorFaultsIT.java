package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A collector that is down or failing is something the application never feels, and costs one line
 * on stderr per signal when export starts failing and one when it recovers, never one per batch.
 */
class ReliabilityCollectorFaultsIT {
  private static final String SPAN_FAILING = "WARN span export (OtlpHttpSpanExporter) is failing";
  private static final String METRIC_FAILING =
      "WARN metric export (OtlpHttpMetricExporter) is failing";
  private static final String SHUTDOWN_UNFINISHED =
      "WARN the last export did not finish within otel.javaagent.shutdown-timeout";
  private static final String SPAN_RECOVERED = "span export (OtlpHttpSpanExporter) works again";
  private static final String METRIC_RECOVERED =
      "metric export (OtlpHttpMetricExporter) works again";

  @Test
  void withNothingListeningTheApplicationDoesAllItsWorkAndEachSignalCostsOneLine()
      throws Exception {
    Map<String, String> environment =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", OtlpReceiver.deadEndpoint(),
            "OTEL_BSP_SCHEDULE_DELAY", "100",
            "OTEL_METRIC_EXPORT_INTERVAL", "200",
            "OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "2s");

    // 12 s of calls: the exporters' retry policy (5 attempts, about 8 s of backoff) gives up on the
    // first
    // batches during the run, and later batches fail too, each of which the SDK would log
    try (ManagedProcess run =
        HttpCalls.underAgent(environment, "durationMillis=12000", "pauseMillis=5").run()) {
      assertThat(run.exitCode()).isZero();
      assertThat(HttpCalls.failedCalls(run)).isZero();
      assertThat(HttpCalls.okCalls(run)).isGreaterThan(100);
      assertThat(run.stderrLinesContaining(SPAN_FAILING))
          .hasSize(1)
          .allMatch(line -> line.contains("(ConnectException"));
      assertThat(run.stderrLinesContaining(METRIC_FAILING)).hasSize(1);
      // exit does not wait out the retries of the last batch: one line says so
      assertThat(run.stderrLinesContaining(SHUTDOWN_UNFINISHED)).hasSize(1);
      assertThat(run.stderrWithoutJvmNotice())
          .as("nothing but these three lines, no SDK line per batch")
          .hasSize(3);
      System.out.println(
          "collector down: "
              + HttpCalls.okCalls(run)
              + " calls served; stderr:\n"
              + run.stderrTextWithoutJvmNotice());
    }
  }

  @Test
  void aCollectorAnswering503ThenRecoveringCostsOneLineEachWayAndLaterSpansArrive()
      throws Exception {
    // the standard retry policy makes 5 attempts per export (backoff 1 s, x1.5, 20 % jitter): the
    // first
    // export of each signal fails after about 8 s, the next one succeeds
    try (OtlpReceiver collector =
        OtlpReceiver.options().answering(n -> n <= 5 ? 503 : 200).startHttp()) {
      Map<String, String> environment =
          Map.of(
              "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
              "OTEL_BSP_SCHEDULE_DELAY", "200",
              "OTEL_METRIC_EXPORT_INTERVAL", "500");

      try (ManagedProcess run =
          HttpCalls.underAgent(environment, "durationMillis=14000", "pauseMillis=20").run()) {
        assertThat(run.exitCode()).isZero();
        assertThat(HttpCalls.failedCalls(run)).isZero();
        List<String> lines = run.stderrWithoutJvmNotice();
        assertThat(run.stderrLinesContaining(SPAN_FAILING))
            .hasSize(1)
            .allMatch(line -> line.contains("HTTP 503"));
        assertThat(run.stderrLinesContaining(SPAN_RECOVERED)).hasSize(1);
        assertThat(indexOf(lines, SPAN_FAILING)).isLessThan(indexOf(lines, SPAN_RECOVERED));
        assertThat(run.stderrLinesContaining(METRIC_FAILING)).hasSize(1);
        assertThat(run.stderrLinesContaining(METRIC_RECOVERED)).hasSize(1);
        assertThat(lines).hasSize(4);

        assertThat(collector.posts("/v1/traces", 503))
            .as("5 attempts of the failed export")
            .isEqualTo(5);
        assertThat(collector.nonEmptyPosts("/v1/traces", 200))
            .as("span batches accepted after recovery")
            .isPositive();
        System.out.println(
            "503 then 200: "
                + HttpCalls.okCalls(run)
                + " calls served, trace POSTs 503="
                + collector.posts("/v1/traces", 503)
                + " 200="
                + collector.posts("/v1/traces", 200)
                + "; stderr:\n"
                + run.stderrTextWithoutJvmNotice());
      }
    }
  }

  @Test
  void aDeadCollectorDoesNotSlowTheApplication() throws Exception {
    String[] work = {"calls=1500", "pauseMillis=1"};
    Map<String, String> common =
        Map.of("OTEL_BSP_SCHEDULE_DELAY", "100", "OTEL_METRIC_EXPORT_INTERVAL", "200");
    long withoutAgent;
    long healthy;
    long dead;
    try (ManagedProcess run = HttpCalls.withoutAgent(work).run()) {
      withoutAgent = HttpCalls.p50Micros(run);
    }
    try (OtlpReceiver collector = OtlpReceiver.http();
        ManagedProcess run = HttpCalls.underAgent(with(common, collector.endpoint()), work).run()) {
      assertThat(HttpCalls.failedCalls(run)).isZero();
      healthy = HttpCalls.p50Micros(run);
    }
    try (ManagedProcess run =
        HttpCalls.underAgent(with(common, OtlpReceiver.deadEndpoint()), work).run()) {
      assertThat(HttpCalls.failedCalls(run)).isZero();
      dead = HttpCalls.p50Micros(run);
    }
    System.out.println(
        "p50 per call: without agent "
            + withoutAgent
            + " us, healthy collector "
            + healthy
            + " us, dead "
            + dead
            + " us");
    // generous: 2 cores shared with other builds; a blocking export on the application's thread
    // would cost
    // a connection attempt per call, far above this
    assertThat(dead).isLessThanOrEqualTo(2 * healthy + 1000);
  }

  private static Map<String, String> with(Map<String, String> common, String endpoint) {
    Map<String, String> environment = new java.util.HashMap<>(common);
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    environment.put("OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "2s");
    return environment;
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
