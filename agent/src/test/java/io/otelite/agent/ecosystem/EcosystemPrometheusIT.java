package io.otelite.agent.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OTEL_METRICS_EXPORTER=prometheus: a scrape endpoint served from the agent's own class loader. */
class EcosystemPrometheusIT {
  private static final String APP = "example.apps.ecosystem.GarbageApp";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void metricsAreScrapedInTextFormatWithHistogramBuckets() throws Exception {
    int port = freePort();
    try (ManagedProcess app =
        AgentJvm.main(APP)
            .env(
                Map.of(
                    "OTEL_METRICS_EXPORTER", "prometheus",
                    "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
                    "OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(port),
                    "OTEL_SERVICE_NAME", "scraped"))
            .arguments("30000")
            .killOnClose()
            .start()) {
      String body = scrapeUntil(port, "jvm_gc_duration_seconds_count", "text/plain");

      assertThat(body)
          .containsPattern("(?m)^# TYPE jvm_gc_duration_seconds histogram$")
          .containsPattern(
              "(?m)^jvm_gc_duration_seconds_bucket\\{.*jvm_gc_name=\"[^\"]+\".*le=\"0\\.01\".*\\} \\d+")
          .containsPattern("(?m)^jvm_gc_duration_seconds_bucket\\{.*le=\"\\+Inf\".*\\} [1-9]")
          .containsPattern("(?m)^jvm_gc_duration_seconds_count\\{.*\\} [1-9]")
          .containsPattern("(?m)^jvm_gc_duration_seconds_sum\\{.*\\} \\d")
          .containsPattern("(?m)^jvm_memory_used_bytes\\{.*jvm_memory_type=\"heap\".*\\} \\d")
          .containsPattern("(?m)^target_info\\{.*service_name=\"scraped\".*\\} 1");

      // OpenMetrics, what a default Prometheus asks for first
      assertThat(scrape(port, "application/openmetrics-text; version=1.0.0; charset=utf-8"))
          .containsPattern("(?m)^jvm_memory_used_bytes\\{.*\\} \\d")
          .contains("# EOF");
    }
  }

  private String scrapeUntil(int port, String expected, String accept) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      try {
        last = scrape(port, accept);
        if (last.contains(expected)) {
          return last;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + expected + " on /metrics within 20 s; last answer: " + last);
  }

  private String scrape(int port, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
