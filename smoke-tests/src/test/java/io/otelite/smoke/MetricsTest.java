package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.otelite.harness.AgentApp;
import io.otelite.harness.Await;
import io.otelite.harness.ReceivedMetric;
import io.otelite.harness.ReceivedTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three duration histograms, exported every second by two testapp processes: 3 requests
 * straight to "orders", 2 checkouts through "checkout" (each one more request to "orders").
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MetricsTest {

  private static final String UPSTREAM = "checkout-metrics";
  private static final String DOWNSTREAM = "orders-metrics";
  private static final int DIRECT_ORDER_REQUESTS = 3;
  private static final int CHECKOUTS = 2;

  @RegisterExtension
  @Order(1)
  static final AgentApp orders = AgentApp.testapp(DOWNSTREAM);

  @RegisterExtension
  @Order(2)
  static final AgentApp checkout = AgentApp.testapp(UPSTREAM).callingDownstream(orders);

  @BeforeAll
  static void sendRequests() {
    for (int i = 0; i < DIRECT_ORDER_REQUESTS; i++) {
      assertThat(orders.get("/orders").statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < CHECKOUTS; i++) {
      assertThat(checkout.get("/checkout?client=jdk").statusCode()).isEqualTo(200);
    }
  }

  /** Both services export to one receiver. */
  private static ReceivedTelemetry telemetry() {
    return orders.telemetry();
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource({
    UPSTREAM + ", http.server.request.duration",
    UPSTREAM + ", http.client.request.duration",
    DOWNSTREAM + ", http.server.request.duration",
    DOWNSTREAM + ", db.client.operation.duration"
  })
  void durationsAreCumulativeHistogramsInSeconds(String service, String metricName) {
    Metric metric = telemetry().awaitMetric(service, metricName).metric();

    assertThat(metric.getUnit()).isEqualTo("s");
    assertThat(metric.hasHistogram()).as("%s is a histogram", metricName).isTrue();
    assertThat(metric.getHistogram().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    assertThat(metric.getHistogram().getDataPoints(0).getExplicitBoundsList())
        .as("explicit bucket boundaries from the instrumentation's advice")
        .isNotEmpty();
  }

  @Test
  void serverDurationCountsEachRequestOnceByRoute() {
    Map<String, Object> ordersOk =
        Map.of(
            "http.request.method",
            "GET",
            "http.route",
            "/orders",
            "http.response.status_code",
            200L);
    Map<String, Object> checkoutOk =
        Map.of(
            "http.request.method",
            "GET",
            "http.route",
            "/checkout",
            "http.response.status_code",
            200L);

    awaitStableCount(
        DOWNSTREAM, "http.server.request.duration", ordersOk, DIRECT_ORDER_REQUESTS + CHECKOUTS);
    awaitStableCount(UPSTREAM, "http.server.request.duration", checkoutOk, CHECKOUTS);
  }

  @Test
  void clientDurationCountsEachOutgoingCallOnce() {
    awaitStableCount(
        UPSTREAM,
        "http.client.request.duration",
        Map.of(
            "http.request.method",
            "GET",
            "http.response.status_code",
            200L,
            "server.address",
            "127.0.0.1",
            "server.port",
            (long) orders.port()),
        CHECKOUTS);
  }

  @Test
  void databaseDurationCountsEachStatementThatHasASpan() {
    Map<String, Object> selectOrders =
        Map.of("db.operation.name", "SELECT", "db.collection.name", "orders");
    // Startup also reads the orders table: count the SELECT spans rather than guess testapp's
    // internals.
    Await.untilAsserted(
        ReceivedTelemetry.DEFAULT_WAIT,
        () -> {
          long selectSpans =
              telemetry().spans().stream()
                  .filter(s -> s.serviceName().equals(DOWNSTREAM) && s.isDatabaseCall())
                  .filter(s -> s.attributes().entrySet().containsAll(selectOrders.entrySet()))
                  .count();
          assertThat(selectSpans).isGreaterThanOrEqualTo(DIRECT_ORDER_REQUESTS + CHECKOUTS);
          assertThat(
                  telemetry()
                      .histogramCount(DOWNSTREAM, "db.client.operation.duration", selectOrders))
              .as(telemetry().describeHistogram(DOWNSTREAM, "db.client.operation.duration"))
              .isEqualTo(selectSpans);
        });
  }

  @Test
  void everyMetricOfTheAgentReportsItsScopeAtTheAgentsVersion() {
    telemetry().awaitMetric(UPSTREAM, "http.client.request.duration");
    telemetry().awaitMetric(DOWNSTREAM, "db.client.operation.duration");
    telemetry().awaitMetric(DOWNSTREAM, "otelite.exporter.dropped_spans");

    // io.otelite.shaded.* are the SDK's own exporter metrics, named by the SDK
    List<ReceivedMetric> agentMetrics =
        telemetry().metrics().stream()
            .filter(m -> m.scopeName().startsWith("io.otelite."))
            .filter(m -> !m.scopeName().startsWith("io.otelite.shaded."))
            .toList();
    assertThat(agentMetrics)
        .extracting(ReceivedMetric::scopeName)
        .contains("io.otelite.servlet", "io.otelite.java-http-client", "io.otelite.jdbc")
        .contains("io.otelite.agent");
    assertThat(agentMetrics)
        .allSatisfy(
            metric ->
                assertThat(metric.scopeVersion())
                    .as("%s", metric)
                    .isNotEmpty()
                    .isEqualTo(metric.resource().get("telemetry.distro.version")));
  }

  /**
   * Reached, and still the same a few exports later (two processes export, so four requests are at
   * least two from each): no late double counting.
   */
  private static void awaitStableCount(
      String service, String metricName, Map<String, Object> attributes, long expected) {
    Await.untilAsserted(
        ReceivedTelemetry.DEFAULT_WAIT,
        () ->
            assertThat(telemetry().histogramCount(service, metricName, attributes))
                .as(
                    "%s %s %s\n%s",
                    service,
                    metricName,
                    attributes,
                    telemetry().describeHistogram(service, metricName))
                .isEqualTo(expected));
    int exportsSoFar = telemetry().metricRequests();
    Await.until(
        "four more metric exports",
        Duration.ofSeconds(30),
        () ->
            telemetry().metricRequests() >= exportsSoFar + 4 ? Optional.of(true) : Optional.empty(),
        telemetry()::describeMetrics);
    assertThat(telemetry().histogramCount(service, metricName, attributes)).isEqualTo(expected);
  }
}
