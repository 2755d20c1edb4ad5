package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.otelite.harness.Await;
import io.otelite.harness.Testapp;
import io.otelite.smoke.harness.JaegerQueryApi;
import io.otelite.smoke.harness.JaegerSpan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees in Jaeger: two testapps export OTLP (http/protobuf, then gRPC) to a real Jaeger,
 * and the trace read back through its query API has the whole tree, the attributes and the
 * resource. Subclasses say where that Jaeger runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JaegerBackendContract {

  /** Why there is no Jaeger to test against here, or null when there is one. */
  private String unavailable;

  /** Starts Jaeger; or, where it cannot run, says why in one line. */
  abstract Optional<String> startJaeger();

  abstract void stopJaeger();

  /** e.g. http://127.0.0.1:4318 */
  abstract String otlpHttpEndpoint();

  /** e.g. http://127.0.0.1:4317 */
  abstract String otlpGrpcEndpoint();

  /** e.g. http://127.0.0.1:16686 */
  abstract String queryUrl();

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a first Jaeger build in CI takes minutes
  void start() {
    unavailable = startJaeger().orElse(null);
    if (unavailable != null) {
      System.out.println(getClass().getSimpleName() + " skipped: " + unavailable);
    }
  }

  @AfterAll
  void stop() {
    stopJaeger();
  }

  /** Per test, so that the report lists each skipped test with the reason. */
  @BeforeEach
  void skipWithoutJaeger() {
    assumeTrue(unavailable == null, unavailable);
  }

  @ParameterizedTest(name = "OTLP {0}")
  @ValueSource(strings = {"http/protobuf", "grpc"})
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aCheckoutIsOneTraceAcrossTwoServicesInJaeger(String protocol) {
    String suffix = protocol.equals("grpc") ? "grpc" : "http";
    String upstream = getClass().getSimpleName().toLowerCase() + "-checkout-" + suffix;
    String downstream = getClass().getSimpleName().toLowerCase() + "-orders-" + suffix;
    String endpoint = protocol.equals("grpc") ? otlpGrpcEndpoint() : otlpHttpEndpoint();
    JaegerQueryApi jaeger = new JaegerQueryApi(queryUrl());

    try (Testapp orders = exportingTo(Testapp.underAgent(downstream), endpoint, protocol).start();
        Testapp checkout =
            exportingTo(Testapp.underAgent(upstream), endpoint, protocol)
                .callingDownstream(orders)
                .start()) {
      assertThat(checkout.get("/checkout?client=jdk").statusCode()).isEqualTo(200);

      List<JaegerSpan> trace =
          Await.until(
              "the checkout trace in Jaeger",
              Duration.ofSeconds(60),
              () -> completeTrace(jaeger.spansOfTracesWith(upstream), upstream, downstream),
              () ->
                  jaeger.spansOfTracesWith(upstream).stream()
                      .map(JaegerSpan::toString)
                      .collect(Collectors.joining("\n")));

      JaegerSpan entry =
          only(trace, s -> s.serviceName().equals(upstream) && s.kind().equals("server"));
      JaegerSpan call =
          only(trace, s -> s.serviceName().equals(upstream) && s.kind().equals("client"));
      JaegerSpan served =
          only(trace, s -> s.serviceName().equals(downstream) && s.kind().equals("server"));
      JaegerSpan query =
          only(trace, s -> s.serviceName().equals(downstream) && s.kind().equals("client"));

      assertThat(entry.isRoot()).isTrue();
      assertThat(entry.operationName()).isEqualTo("GET /checkout");
      assertThat(entry.tags())
          .containsEntry("http.request.method", "GET")
          .containsEntry("http.route", "/checkout")
          .containsEntry("http.response.status_code", 200L);
      assertThat(entry.processTags()).containsEntry("telemetry.distro.name", "otelite");

      assertThat(call.isChildOf(entry)).as("%s under %s", call, entry).isTrue();
      assertThat(call.operationName()).isEqualTo("GET");
      assertThat(call.tags())
          .containsEntry("url.full", orders.baseUrl() + "/orders")
          .containsEntry("http.response.status_code", 200L);

      assertThat(served.isChildOf(call)).as("%s under %s", served, call).isTrue();
      assertThat(served.operationName()).isEqualTo("GET /orders");

      assertThat(query.isChildOf(served)).as("%s under %s", query, served).isTrue();
      assertThat(query.operationName()).isEqualTo("SELECT orders");
      assertThat(query.tags())
          .containsEntry("db.operation.name", "SELECT")
          .containsEntry("db.collection.name", "orders")
          .containsKey("db.system.name");
    }
  }

  private static Testapp.Builder exportingTo(
      Testapp.Builder app, String endpoint, String protocol) {
    return app.env("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
        .env("OTEL_EXPORTER_OTLP_PROTOCOL", protocol)
        // Jaeger takes traces only; metrics would be refused and logged as export failures.
        .env("OTEL_METRICS_EXPORTER", "none")
        .env("OTEL_LOGS_EXPORTER", "none");
  }

  /** The trace of the checkout once all four spans are stored, else empty. */
  private static Optional<List<JaegerSpan>> completeTrace(
      List<JaegerSpan> spans, String upstream, String downstream) {
    return spans.stream()
        .filter(s -> s.serviceName().equals(upstream) && s.operationName().equals("GET /checkout"))
        .map(entry -> spans.stream().filter(s -> s.traceId().equals(entry.traceId())).toList())
        .filter(
            trace ->
                trace.stream()
                        .anyMatch(
                            s -> s.serviceName().equals(upstream) && s.kind().equals("client"))
                    && trace.stream()
                        .anyMatch(
                            s -> s.serviceName().equals(downstream) && s.kind().equals("server"))
                    && trace.stream()
                        .anyMatch(
                            s -> s.serviceName().equals(downstream) && s.kind().equals("client")))
        .findFirst();
  }

  private static JaegerSpan only(List<JaegerSpan> trace, Predicate<JaegerSpan> which) {
    List<JaegerSpan> matching = trace.stream().filter(which).toList();
    assertThat(matching).as("exactly one such span in %s", trace).hasSize(1);
    return matching.get(0);
  }
}
