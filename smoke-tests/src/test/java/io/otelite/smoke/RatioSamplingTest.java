package io.otelite.smoke;

import static io.otelite.harness.ReceivedSpan.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentApp;
import io.otelite.harness.Await;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.harness.Traceparent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * testapp under the agent with {@code parentbased_traceidratio}, as a service that samples a share
 * of its traces is configured (ratio 1 here, so that every root is kept and the test knows which).
 * With this sampler the agent gives a root span its attributes after the sampling decision, and
 * none at all to a span that is not recorded: a recorded span must still carry every one of them,
 * and an unsampled request must still be measured.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RatioSamplingTest {
  private static final String SERVICE = "orders-ratio";

  @RegisterExtension
  static final AgentApp app =
      AgentApp.testapp(SERVICE)
          .env("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
          .env("OTEL_TRACES_SAMPLER_ARG", "1.0");

  @Test
  void aRootRequestKeptByTheRatioHasEveryAttributeOnItsSpans() {
    assertThat(app.get("/orders/1").statusCode()).isEqualTo(200);

    ReceivedSpan server =
        app.telemetry()
            .awaitSpan(
                "the SERVER span of GET /orders/1",
                span -> span.isServer() && span.hasAttribute("url.path", "/orders/1"));
    assertThat(server.isRoot()).isTrue();
    assertThat(server.name()).isEqualTo("GET /orders/*");
    assertThat(server.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.route", "/orders/*")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("url.scheme", "http")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", (long) app.port())
        .containsEntry("network.protocol.version", "1.1")
        .containsEntry("client.address", "127.0.0.1")
        .containsEntry("network.peer.address", "127.0.0.1")
        .containsKeys("network.peer.port", "user_agent.original");

    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(server.traceId(), ReceivedSpan::isServer, ReceivedSpan::isDatabaseCall);
    ReceivedSpan select = only(trace, ReceivedSpan::isDatabaseCall);
    assertThat(select.isChildOf(server)).isTrue();
    assertThat(select.name()).isEqualTo("SELECT orders");
    assertThat(select.attributes())
        .containsEntry("db.system.name", "h2database")
        .containsEntry("db.operation.name", "SELECT")
        .containsEntry("db.collection.name", "orders")
        .containsEntry("db.query.text", "SELECT id, item, quantity FROM orders WHERE id = ?");
  }

  @Test
  void aRequestFromAnUnsampledCallerMakesNoSpanButIsMeasuredWithItsRoute() {
    Traceparent unsampledCaller = Traceparent.random();
    Traceparent sampledCaller = Traceparent.random();
    String unsampled = unsampledCaller.header().replaceFirst("-01$", "-00");

    assertThat(app.get("/orders/2", "traceparent", unsampled).statusCode()).isEqualTo(200);
    // spans are exported in the order they end: once this later one is in, the first would be too
    assertThat(app.get("/orders/3", "traceparent", sampledCaller.header()).statusCode())
        .isEqualTo(200);
    app.telemetry().awaitTrace(sampledCaller.traceId(), ReceivedSpan::isServer);

    assertThat(app.telemetry().trace(unsampledCaller.traceId())).isEmpty();
    assertThat(app.telemetry().spans())
        .noneMatch(span -> span.hasAttribute("url.path", "/orders/2"));
    Map<String, Object> measured =
        Map.of(
            "http.request.method", "GET",
            "http.route", "/orders/*",
            "http.response.status_code", 200L,
            "url.scheme", "http",
            "network.protocol.version", "1.1");
    // both requests, whether sampled or not, in the one series of the route
    Await.until(
        "http.server.request.duration counting both requests of /orders/*",
        ReceivedTelemetry.DEFAULT_WAIT,
        () ->
            Optional.ofNullable(
                    app.telemetry()
                        .histogramSeries(SERVICE, "http.server.request.duration")
                        .get(measured))
                .filter(count -> count >= 2),
        app.telemetry()::describeMetrics);
  }
}
