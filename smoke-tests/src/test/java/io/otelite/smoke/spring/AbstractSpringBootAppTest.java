package io.otelite.smoke.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.otelite.harness.AgentApp;
import io.otelite.harness.Await;
import io.otelite.harness.ReceivedLog;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.harness.Traceparent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Spring Boot application (MVC with path variables, Thymeleaf views, a JSON API with validation,
 * a failing controller, static resources, JPA over H2) started as its users start it, {@code java
 * -javaagent:otelite-agent.jar -jar app.jar}, exporting OTLP to a receiver in the test JVM (and to
 * the console, for people reading the log). One user session runs once; each test checks one thing
 * a user of the OpenTelemetry agent would look at. A subclass names the application jar: the
 * applications for Spring Boot 3 (jakarta) and 2.7 (javax) serve the same endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSpringBootAppTest {
  private static final String DURATION = "http.server.request.duration";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Call> session = new LinkedHashMap<>();

  @RegisterExtension
  final AgentApp app =
      AgentApp.springBoot(module())
          .env("OTEL_SERVICE_NAME", serviceName())
          .env("OTEL_TRACES_EXPORTER", "otlp,console")
          .env("OTEL_METRICS_EXPORTER", "otlp,console")
          .env("OTEL_LOGS_EXPORTER", "otlp");

  /** The module whose executable jar, built before the smoke tests run, is the application. */
  protected abstract String module();

  /** Set as OTEL_SERVICE_NAME, so that this test's telemetry is told apart. */
  protected abstract String serviceName();

  /** One request of the session and what the user of the OpenTelemetry agent sees for it. */
  record Call(
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String route,
      Traceparent caller) {
    String spanName() {
      return method + ' ' + route;
    }

    @Override
    public String toString() {
      return method + ' ' + path;
    }
  }

  private static Call call(String method, String path, int status, String route) {
    return call(method, path, null, null, status, route);
  }

  private static Call call(
      String method, String path, String contentType, String body, int status, String route) {
    return new Call(method, path, contentType, body, status, route, Traceparent.random());
  }

  Stream<Call> session() {
    return session.values().stream();
  }

  @BeforeAll
  void startTheApplicationAndRunASession() throws Exception {
    String json = "application/json";
    String form = "application/x-www-form-urlencoded";
    session.put("owners page", call("GET", "/owners", 200, "/owners"));
    session.put("owner page", call("GET", "/owners/1", 200, "/owners/{ownerId}"));
    session.put(
        "edit form",
        call("POST", "/owners/1/edit", form, "name=Ada+Lovelace", 302, "/owners/{ownerId}/edit"));
    session.put("owner json", call("GET", "/api/owners/1", 200, "/api/owners/{ownerId}"));
    session.put("missing owner", call("GET", "/api/owners/999", 404, "/api/owners/{ownerId}"));
    session.put("owners in city", call("GET", "/api/owners?city=London", 200, "/api/owners"));
    session.put(
        "register",
        call(
            "POST",
            "/api/owners",
            json,
            "{\"name\":\"Edsger\",\"city\":\"Austin\"}",
            201,
            "/api/owners"));
    session.put(
        "blank name",
        call(
            "POST",
            "/api/owners",
            json,
            "{\"name\":\"\",\"city\":\"Austin\"}",
            400,
            "/api/owners"));
    session.put("audit", call("GET", "/api/owners/1/audit", 500, "/api/owners/{ownerId}/audit"));
    session.put("stylesheet", call("GET", "/css/site.css", 200, "/**"));
    session.put("greeting", call("GET", "/greetings/ada", 200, "/greetings/{name}"));
    session.put("no such page", call("GET", "/no/such/page", 404, "/**"));
    for (Call call : session.values()) {
      HttpResponse<String> response = send(call);
      assertThat(response.statusCode())
          .as("%s answered\n%s", call, response.body())
          .isEqualTo(call.status());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("session")
  void eachRequestIsOneServerSpanNamedAfterTheRouteOfItsHandler(Call call) {
    ReceivedSpan server = serverSpanOf(call);

    assertThat(server.name()).isEqualTo(call.spanName());
    assertThat(server.attributes())
        .containsEntry("http.route", call.route())
        .containsEntry("http.request.method", call.method())
        .containsEntry("http.response.status_code", (long) call.status())
        .containsEntry("url.path", URI.create(call.path()).getPath());
  }

  @Test
  void theDurationMetricHasOneSeriesPerRouteMethodAndStatusAndNoRawPaths() {
    Map<List<Object>, Long> expected = new LinkedHashMap<>();
    for (Call call : session.values()) {
      expected.merge(List.of(call.method(), call.route(), (long) call.status()), 1L, Long::sum);
    }
    Await.untilAsserted(
        ReceivedTelemetry.DEFAULT_WAIT,
        () -> {
          Map<List<Object>, Long> seen = durationSeries();
          expected.forEach(
              (series, count) ->
                  assertThat(seen.getOrDefault(series, 0L))
                      .as("count of %s in %s", series, seen)
                      .isGreaterThanOrEqualTo(count));
        });

    Set<String> routes = new TreeSet<>();
    durationSeries().keySet().forEach(series -> routes.add((String) series.get(1)));
    assertThat(routes)
        .as("every route is a pattern: the session's, and the readiness probe's")
        .containsExactlyInAnyOrderElementsOf(
            session.values().stream().map(Call::route).collect(Collectors.toSet()));
  }

  @Test
  void aFailingControllerIsAnErrorSpanWithItsOwnExceptionCoveringTheErrorDispatch() {
    Call audit = session.get("audit");
    ReceivedSpan server = serverSpanOf(audit);

    assertThat(server.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attributes()).containsEntry("error.type", "500");
    List<Span.Event> exceptions =
        server.span().getEventsList().stream()
            .filter(event -> event.getName().equals("exception"))
            .toList();
    assertThat(exceptions).hasSize(1);
    Map<String, String> exception = new LinkedHashMap<>();
    exceptions
        .get(0)
        .getAttributesList()
        .forEach(kv -> exception.put(kv.getKey(), kv.getValue().getStringValue()));
    assertThat(exception)
        .as("the controller's exception, not Spring's ServletException around it")
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "audit of owner 1 failed");

    assertLoggedInsideTheSpan(server, "error response 500 for /api/owners/1/audit");
    ReceivedLog containerLine =
        app.telemetry()
            .awaitLog(
                "Tomcat's log line about the exception",
                log ->
                    log.body().contains("threw exception")
                        && log.traceId().equals(server.traceId()));
    assertThat(containerLine.spanId()).isEqualTo(server.spanId());
  }

  @Test
  void aStatusSentByTheControllerAlsoEndsAfterTheErrorDispatch() {
    ReceivedSpan server = serverSpanOf(session.get("missing owner"));

    assertThat(server.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertLoggedInsideTheSpan(server, "error response 404 for /api/owners/999");
  }

  @Test
  void theAgentWarnsAboutNothingWhileTheApplicationStartsAndServes() {
    assertThat(app.process().stderr()).noneMatch(line -> line.contains("[otelite] WARN"));
    assertThat(app.process().stdout()).noneMatch(line -> line.contains("[otelite] WARN"));
  }

  /**
   * The line that Spring's error controller logged during the error dispatch belongs to the
   * request's span, and was written before the span ended: the span covers the error dispatch.
   */
  private void assertLoggedInsideTheSpan(ReceivedSpan server, String message) {
    ReceivedLog line =
        app.telemetry()
            .awaitLog("the log line '" + message + "'", log -> log.body().equals(message));
    assertThat(line.traceId()).isEqualTo(server.traceId());
    assertThat(line.spanId()).isEqualTo(server.spanId());
    assertThat(line.record().getTimeUnixNano())
        .as("logged before the span ended")
        .isLessThanOrEqualTo(server.span().getEndTimeUnixNano());
  }

  private ReceivedSpan serverSpanOf(Call call) {
    List<ReceivedSpan> trace =
        app.telemetry().awaitTrace(call.caller().traceId(), ReceivedSpan::isServer);
    return ReceivedSpan.only(trace, ReceivedSpan::isServer);
  }

  /** (method, route, status) to count. */
  private Map<List<Object>, Long> durationSeries() {
    Map<List<Object>, Long> series = new LinkedHashMap<>();
    app.telemetry()
        .histogramSeries(serviceName(), DURATION)
        .forEach(
            (attributes, count) ->
                series.merge(
                    List.of(
                        attributes.get("http.request.method"),
                        attributes.get("http.route"),
                        attributes.get("http.response.status_code")),
                    count,
                    Long::sum));
    return series;
  }

  private HttpResponse<String> send(Call call) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + call.path()))
            .timeout(Duration.ofSeconds(30))
            .header("traceparent", call.caller().header());
    if (call.body() == null) {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", call.contentType())
          .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
