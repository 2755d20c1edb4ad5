package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelite.harness.Await;
import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.Testapp;
import io.otelite.smoke.harness.JsonHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code OTEL_TRACES_EXPORTER=zipkin} against a real Zipkin server (the exec jar from Maven
 * Central, in-memory storage), read back through Zipkin's HTTP API.
 */
class ZipkinExportTest {

  private static final String SERVICE = "orders-zipkin";

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aRequestAndItsQueryAreOneTraceInZipkin() {
    int port = FreePorts.next();
    String zipkinUrl = "http://127.0.0.1:" + port;
    try (ManagedProcess zipkin = startZipkin(port);
        Testapp app =
            Testapp.underAgent(SERVICE)
                .env("OTEL_TRACES_EXPORTER", "zipkin")
                .env("OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkinUrl + "/api/v2/spans")
                .env("OTEL_METRICS_EXPORTER", "none")
                .env("OTEL_LOGS_EXPORTER", "none")
                .start()) {
      assertThat(app.get("/orders").statusCode()).isEqualTo(200);

      List<JsonNode> trace =
          Await.until(
              "the GET /orders trace in Zipkin",
              Duration.ofSeconds(60),
              () -> ordersTrace(zipkinUrl),
              () ->
                  JsonHttp.get(zipkinUrl + "/api/v2/traces?serviceName=" + SERVICE)
                          .map(JsonNode::toString)
                          .orElse("no answer")
                      + "\n"
                      + zipkin.tail());

      JsonNode server = only(trace, "SERVER");
      JsonNode query = only(trace, "CLIENT");
      // Zipkin lower-cases span names.
      assertThat(server.path("name").asText()).isEqualTo("get /orders");
      assertThat(server.path("localEndpoint").path("serviceName").asText()).isEqualTo(SERVICE);
      assertThat(server.has("parentId")).as("the server span is the root").isFalse();
      assertThat(server.path("tags").path("http.route").asText()).isEqualTo("/orders");
      assertThat(server.path("tags").path("http.response.status_code").asText()).isEqualTo("200");

      assertThat(query.path("parentId").asText()).isEqualTo(server.path("id").asText());
      assertThat(query.path("traceId").asText()).isEqualTo(server.path("traceId").asText());
      assertThat(query.path("name").asText()).isEqualTo("select orders");
      assertThat(query.path("tags").path("db.collection.name").asText()).isEqualTo("orders");
    }
  }

  private static ManagedProcess startZipkin(int port) {
    ManagedProcess zipkin =
        ManagedProcess.java("zipkin")
            .command(
                "-Xmx512m",
                "-jar",
                Locations.copiedByMaven("zipkin/zipkin-server.jar").toString(),
                // Zipkin 3 serves through Armeria; replace its port list to bind loopback only.
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http")
            .env("STORAGE_TYPE", "mem")
            .start();
    try {
      Await.until(
          "Zipkin's health check on port " + port,
          Duration.ofMinutes(2),
          () -> {
            if (!zipkin.isAlive()) {
              fail("Zipkin exited\n" + zipkin.tail());
            }
            return JsonHttp.get("http://127.0.0.1:" + port + "/health")
                .filter(health -> health.path("status").asText().equals("UP"));
          },
          zipkin::tail);
      return zipkin;
    } catch (RuntimeException | AssertionError e) {
      zipkin.close();
      throw e;
    }
  }

  /** The trace holding the server span of GET /orders, once its JDBC child is there too. */
  private static Optional<List<JsonNode>> ordersTrace(String zipkinUrl) {
    return JsonHttp.get(zipkinUrl + "/api/v2/traces?limit=50&serviceName=" + SERVICE)
        .flatMap(
            traces -> {
              for (JsonNode trace : traces) {
                List<JsonNode> spans = new ArrayList<>();
                trace.forEach(spans::add);
                boolean hasServer =
                    spans.stream().anyMatch(s -> s.path("name").asText().equals("get /orders"));
                boolean hasQuery =
                    spans.stream().anyMatch(s -> s.path("kind").asText().equals("CLIENT"));
                if (hasServer && hasQuery) {
                  return Optional.of(spans);
                }
              }
              return Optional.empty();
            });
  }

  private static JsonNode only(List<JsonNode> trace, String kind) {
    List<JsonNode> matching =
        trace.stream().filter(s -> s.path("kind").asText().equals(kind)).toList();
    assertThat(matching).as("exactly one %s span in %s", kind, trace).hasSize(1);
    return matching.get(0);
  }
}
