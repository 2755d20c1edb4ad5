package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Testapp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With no exporter and no OTLP endpoint configured, a new user sees telemetry at once: one line per
 * span ({@code otelite span ...}) and one per metric point ({@code otelite metric ...}) on stdout.
 */
class ConsoleExporterTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void spansAndMetricsArePrintedWhenNothingIsConfigured() {
    try (Testapp app = Testapp.underAgent("orders-console").start()) {
      assertThat(app.get("/orders").statusCode()).isEqualTo(200);

      app.process()
          .awaitStdoutLine(
              "the server span",
              l -> l.startsWith("otelite span ") && l.contains("GET /orders"),
              WAIT);
      app.process()
          .awaitStdoutLine(
              "the JDBC span",
              l -> l.startsWith("otelite span ") && l.contains("SELECT orders"),
              WAIT);
      app.process()
          .awaitStdoutLine(
              "a server duration point",
              l -> l.startsWith("otelite metric ") && l.contains("http.server.request.duration"),
              WAIT);
      app.process()
          .awaitStdoutLine(
              "a database duration point",
              l -> l.startsWith("otelite metric ") && l.contains("db.client.operation.duration"),
              WAIT);
    }
  }
}
