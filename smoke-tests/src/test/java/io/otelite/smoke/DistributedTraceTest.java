package io.otelite.smoke;

import static io.otelite.harness.ReceivedSpan.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentApp;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two testapp processes make one trace: {@code GET /checkout} on "checkout" calls {@code GET
 * /orders} on "orders" with each HTTP client library, and "orders" runs SQL. The context crosses
 * the process boundary only through the {@code traceparent} header the client instrumentation
 * injects.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DistributedTraceTest {

  private static final String UPSTREAM = "checkout";
  private static final String DOWNSTREAM = "orders";

  /** The scope of each client's span: the OpenTelemetry agent's module name, prefixed. */
  private static final Map<String, String> CLIENT_SCOPES =
      Map.of(
          "jdk", "io.otelite.java-http-client",
          "jdk-async", "io.otelite.java-http-client",
          "urlconnection", "io.otelite.http-url-connection",
          "apache", "io.otelite.apache-httpclient");

  @RegisterExtension
  @Order(1)
  static final AgentApp orders = AgentApp.testapp(DOWNSTREAM);

  @RegisterExtension
  @Order(2)
  static final AgentApp checkout = AgentApp.testapp(UPSTREAM).callingDownstream(orders);

  /** Both services export to one receiver. */
  private static ReceivedTelemetry telemetry() {
    return orders.telemetry();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    telemetry().clear();
  }

  @ParameterizedTest(name = "client={0}")
  @ValueSource(strings = {"jdk", "jdk-async", "urlconnection", "apache"})
  void checkoutAndTheDownstreamOrdersServiceShareOneTrace(String client) {
    HttpResponse<String> response = checkout.get("/checkout?client=" + client);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"downstreamStatus\":200");

    ReceivedSpan entry =
        telemetry()
            .awaitSpan(
                "the SERVER span of GET /checkout",
                s ->
                    s.serviceName().equals(UPSTREAM) && s.isServerSpanForRoute("GET", "/checkout"));
    List<ReceivedSpan> trace =
        telemetry()
            .awaitTrace(
                entry.traceId(),
                s -> s.serviceName().equals(UPSTREAM) && s.isHttpClientCall(),
                s -> s.serviceName().equals(DOWNSTREAM) && s.isServerSpanForRoute("GET", "/orders"),
                s -> s.serviceName().equals(DOWNSTREAM) && s.isDatabaseCall());

    assertThat(entry.isRoot()).as("nobody called checkout with a trace context").isTrue();
    assertThat(entry.name()).isEqualTo("GET /checkout");

    ReceivedSpan call = only(trace, s -> s.serviceName().equals(UPSTREAM) && s.isHttpClientCall());
    assertThat(call.isChildOf(entry)).as("%s is a child of %s", call, entry).isTrue();
    assertThat(call.name()).isEqualTo("GET");
    assertThat(call.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", (long) orders.port())
        .containsEntry("url.full", orders.baseUrl() + "/orders");

    ReceivedSpan downstream = only(trace, s -> s.serviceName().equals(DOWNSTREAM) && s.isServer());
    assertThat(downstream.isChildOf(call))
        .as("the downstream server span %s continues the client span %s", downstream, call)
        .isTrue();
    assertThat(downstream.name()).isEqualTo("GET /orders");

    ReceivedSpan select =
        only(trace, s -> s.serviceName().equals(DOWNSTREAM) && s.isDatabaseCall());
    assertThat(select.isChildOf(downstream)).isTrue();

    Object agentVersion = entry.resource().get("telemetry.distro.version");
    assertThat(agentVersion).isNotNull().isNotEqualTo("unknown");
    assertThat(trace)
        .as("every module reports its scope at the agent's version")
        .allSatisfy(span -> assertThat(span.scopeVersion()).isEqualTo(agentVersion));
    assertThat(call.scopeName()).isEqualTo(CLIENT_SCOPES.get(client));

    assertThat(trace)
        .as("one HTTP client span per call: no nested duplicates from a lower layer")
        .filteredOn(ReceivedSpan::isHttpClientCall)
        .hasSize(1);
  }
}
