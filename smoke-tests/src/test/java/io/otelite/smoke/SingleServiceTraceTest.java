package io.otelite.smoke;

import static io.otelite.harness.ReceivedSpan.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.otelite.harness.AgentApp;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.Traceparent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One testapp under the agent, exporting OTLP http/protobuf to a receiver in this JVM. Each request
 * carries its own {@code traceparent}, as from a traced caller, so each test reads exactly its
 * trace.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SingleServiceTraceTest {

  private static final String SERVICE = "orders-single";

  @RegisterExtension
  static final AgentApp app =
      AgentApp.testapp(SERVICE)
          .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=smoke");

  @Test
  void getOrdersIsAServerSpanWithAJdbcClientChild() {
    Traceparent caller = Traceparent.random();

    HttpResponse<String> response = app.get("/orders", "traceparent", caller.header());

    assertThat(response.statusCode()).isEqualTo(200);
    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(
                caller.traceId(),
                s -> s.isServerSpanForRoute("GET", "/orders"),
                ReceivedSpan::isDatabaseCall);
    ReceivedSpan server = only(trace, ReceivedSpan::isServer);
    assertThat(server.name()).isEqualTo("GET /orders");
    assertThat(server.parentSpanId()).as("continues the caller's span").isEqualTo(caller.spanId());
    assertThat(server.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.route", "/orders")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("url.path", "/orders")
        .containsEntry("url.scheme", "http");
    assertThat(server.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);

    ReceivedSpan select = only(trace, ReceivedSpan::isDatabaseCall);
    assertThat(select.isChildOf(server))
        .as("JDBC span %s is a child of %s", select, server)
        .isTrue();
    assertThat(select.name()).isEqualTo("SELECT orders");
    assertThat(select.attributes())
        .containsEntry("db.system.name", "h2database")
        .containsEntry("db.operation.name", "SELECT")
        .containsEntry("db.collection.name", "orders");
    assertThat(String.valueOf(select.attribute("db.query.text")))
        .startsWith("SELECT id, item, quantity FROM orders")
        .as("the LIMIT literal is sanitized")
        .doesNotContain("100");
    assertThat(select.duration()).isLessThanOrEqualTo(server.duration());
  }

  @Test
  void getOneOrderIsNamedByItsServletMapping() {
    Traceparent caller = Traceparent.random();

    assertThat(app.get("/orders/1", "traceparent", caller.header()).statusCode()).isEqualTo(200);

    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(caller.traceId(), ReceivedSpan::isServer, ReceivedSpan::isDatabaseCall);
    ReceivedSpan server = only(trace, ReceivedSpan::isServer);
    assertThat(server.name()).isEqualTo("GET /orders/*");
    assertThat(server.attributes())
        .containsEntry("http.route", "/orders/*")
        .containsEntry("url.path", "/orders/1");
    ReceivedSpan select = only(trace, ReceivedSpan::isDatabaseCall);
    assertThat(select.isChildOf(server)).isTrue();
    assertThat(select.attribute("db.query.text"))
        .isEqualTo("SELECT id, item, quantity FROM orders WHERE id = ?");
  }

  @Test
  void postingAnOrderShowsBothInsertsOfItsTransaction() {
    Traceparent caller = Traceparent.random();

    HttpResponse<String> response =
        app.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/orders?item=smoke+test&quantity=2"))
                .header("traceparent", caller.header())
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(201);
    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(
                caller.traceId(),
                s -> s.isServerSpanForRoute("POST", "/orders"),
                s -> s.isDatabaseCall() && s.hasAttribute("db.collection.name", "orders"),
                s -> s.isDatabaseCall() && s.hasAttribute("db.collection.name", "order_events"));
    ReceivedSpan server = only(trace, ReceivedSpan::isServer);
    assertThat(server.attributes()).containsEntry("http.response.status_code", 201L);
    List<ReceivedSpan> inserts =
        trace.stream()
            .filter(s -> s.isDatabaseCall() && s.hasAttribute("db.operation.name", "INSERT"))
            .toList();
    assertThat(inserts)
        .extracting(ReceivedSpan::name)
        .containsExactlyInAnyOrder("INSERT orders", "INSERT order_events");
    assertThat(inserts).allSatisfy(insert -> assertThat(insert.isChildOf(server)).isTrue());
    assertThat(inserts)
        .extracting(s -> String.valueOf(s.attribute("db.query.text")))
        .as("parameters, never the values")
        .noneMatch(sql -> sql.contains("smoke test"));
  }

  @Test
  void anExceptionIsAnErrorSpanWithTheExceptionEvent() {
    Traceparent caller = Traceparent.random();

    assertThat(app.get("/fail", "traceparent", caller.header()).statusCode()).isEqualTo(500);

    ReceivedSpan server =
        only(
            app.telemetry().awaitTrace(caller.traceId(), ReceivedSpan::isServer),
            ReceivedSpan::isServer);
    assertThat(server.name()).isEqualTo("GET /fail");
    assertThat(server.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attributes())
        .containsEntry("http.response.status_code", 500L)
        // The status code was sent, so it is the error type (semconv, as the OpenTelemetry agent
        // does);
        // the exception itself is in the event.
        .containsEntry("error.type", "500");
    Span.Event exception =
        server.span().getEventsList().stream()
            .filter(e -> e.getName().equals("exception"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no exception event on " + server));
    Map<String, Object> eventAttributes =
        exception.getAttributesList().stream()
            .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    assertThat(eventAttributes)
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "payment provider rejected the order");
  }

  @Test
  void aMissingResourceIs404WhichIsNoErrorOnTheServerSide() {
    Traceparent caller = Traceparent.random();

    assertThat(app.get("/missing-thing", "traceparent", caller.header()).statusCode())
        .isEqualTo(404);

    ReceivedSpan server =
        only(
            app.telemetry().awaitTrace(caller.traceId(), ReceivedSpan::isServer),
            ReceivedSpan::isServer);
    assertThat(server.attributes()).containsEntry("http.response.status_code", 404L);
    assertThat(server.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(server.attributes()).doesNotContainKey("error.type");
  }

  @Test
  void anAsyncRequestsSpanLastsUntilTheResponseIsComplete() {
    Traceparent caller = Traceparent.random();

    assertThat(app.get("/async?delayMs=300", "traceparent", caller.header()).statusCode())
        .isEqualTo(200);

    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(caller.traceId(), ReceivedSpan::isServer, ReceivedSpan::isDatabaseCall);
    ReceivedSpan server = only(trace, ReceivedSpan::isServer);
    assertThat(server.name()).isEqualTo("GET /async");
    assertThat(server.attributes()).containsEntry("http.response.status_code", 200L);
    assertThat(server.duration())
        .as("ends when the worker thread completes the response, not when service() returns")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    ReceivedSpan workerQuery = only(trace, ReceivedSpan::isDatabaseCall);
    assertThat(workerQuery.isChildOf(server))
        .as("the context followed the work to the executor thread: %s", workerQuery)
        .isTrue();
  }

  @Test
  void theAppSeesTheIncomingTraceparentUnchanged() {
    Traceparent caller = Traceparent.random();

    HttpResponse<String> response = app.get("/traceparent", "traceparent", caller.header());

    assertThat(response.body()).isEqualTo(caller.header());
    ReceivedSpan server =
        only(
            app.telemetry().awaitTrace(caller.traceId(), ReceivedSpan::isServer),
            ReceivedSpan::isServer);
    assertThat(server.parentSpanId()).isEqualTo(caller.spanId());
  }

  @Test
  void theResourceNamesTheServiceTheDistroAndTheHost() {
    Traceparent caller = Traceparent.random();
    app.get("/health", "traceparent", caller.header());

    ReceivedSpan server =
        only(
            app.telemetry().awaitTrace(caller.traceId(), ReceivedSpan::isServer),
            ReceivedSpan::isServer);

    assertThat(server.resource())
        .containsEntry("service.name", SERVICE)
        .containsEntry("deployment.environment.name", "smoke")
        .containsEntry("telemetry.distro.name", "otelite")
        .containsEntry("telemetry.sdk.language", "java")
        .containsKeys(
            "telemetry.distro.version",
            "host.name",
            "os.type",
            "process.pid",
            "process.runtime.name",
            "process.runtime.version");
    assertThat(server.resource().get("process.pid")).isEqualTo(app.process().pid());
    assertThat(String.valueOf(server.resource().get("telemetry.distro.version"))).isNotBlank();
  }
}
