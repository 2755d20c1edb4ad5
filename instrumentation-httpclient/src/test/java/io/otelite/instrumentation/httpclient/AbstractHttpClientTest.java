package io.otelite.instrumentation.httpclient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_RESEND_COUNT;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.httpclient.RecordingHttpServer.ReceivedRequest;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every HTTP client instrumentation must do, run against a real server in this JVM. A subclass
 * says how its client sends a GET; each case is a sentence of the specification.
 */
public abstract class AbstractHttpClientTest {
  protected static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
  protected static RecordingHttpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new RecordingHttpServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    harness.clear();
    server.clear();
  }

  /**
   * Sends a GET with the client under test and waits for the response.
   *
   * @return the status code
   * @throws Exception what the client throws when there is no response (unwrapped from async
   *     wrappers)
   */
  protected abstract int sendGet(URI uri) throws Exception;

  /** The tracer and meter name of the module under test. */
  protected abstract String instrumentationName();

  /** The exception class the client fails with when the connection is refused. */
  protected abstract Class<? extends Exception> connectionRefusedException();

  /** {@code http.request.resend_count} after one redirect, where the client lets us count it. */
  protected Long resendCountAfterOneRedirect() {
    return null;
  }

  @Test
  void aCallIsOneClientSpanUnderTheSpanCurrentAtTheCall() throws Exception {
    URI uri = server.uri("/ok");

    int status = harness.runWithSpan("parent", () -> sendGet(uri));

    assertThat(status).isEqualTo(200);
    SpanData parent = spanNamed("parent", 2);
    assertThat(onlyClientSpan())
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasTraceId(parent.getTraceId())
        .hasParentSpanId(parent.getSpanId())
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(URL_FULL, uri.toString()),
            equalTo(SERVER_ADDRESS, "127.0.0.1"),
            equalTo(SERVER_PORT, server.port()),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 200),
            equalTo(NETWORK_PROTOCOL_VERSION, "1.1"));
  }

  @Test
  void theServerReceivesTheClientSpansTraceAndSpanIdsInOneTraceparent() throws Exception {
    harness.runWithSpan("parent", () -> sendGet(server.uri("/ok")));

    SpanData client = onlyClientSpan();
    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .startsWith("00-" + client.getTraceId() + "-" + client.getSpanId() + "-");
  }

  @Test
  void withoutACurrentSpanTheCallStartsATrace() throws Exception {
    sendGet(server.uri("/ok"));

    SpanData client = onlyClientSpan();
    assertThat(client.getParentSpanContext().isValid()).isFalse();
    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(client.getSpanId());
  }

  @ParameterizedTest
  @CsvSource({"/not-found, 404", "/error, 500"})
  void clientAndServerErrorStatusesAreErrorsWithTheStatusAsErrorType(
      String path, int expectedStatus) throws Exception {
    int status = sendGet(server.uri(path));

    assertThat(status).isEqualTo(expectedStatus);
    assertThat(onlyClientSpan())
        .hasStatus(StatusData.error())
        .hasAttributesSatisfying(
            equalTo(HTTP_RESPONSE_STATUS_CODE, expectedStatus),
            equalTo(ERROR_TYPE, String.valueOf(expectedStatus)));
  }

  @Test
  void aRefusedConnectionIsAnErrorWithTheExceptionTypeAndEvent() throws Exception {
    URI refusing = RecordingHttpServer.refusingUri();

    assertThatThrownBy(() -> sendGet(refusing)).isInstanceOf(connectionRefusedException());

    SpanData client = onlyClientSpan();
    assertThat(client)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(URL_FULL, refusing.toString()),
            equalTo(SERVER_ADDRESS, "127.0.0.1"),
            equalTo(SERVER_PORT, refusing.getPort()),
            equalTo(ERROR_TYPE, connectionRefusedException().getName()));
    assertThat(client.getEvents())
        .extracting(event -> event.getName())
        .containsExactly("exception");
  }

  @Test
  void userInfoAndSensitiveQueryValuesNeverReachUrlFull() throws Exception {
    URI uri =
        URI.create(
            "http://alice:s3cret@127.0.0.1:" + server.port() + "/ok?token=abc&sig=xyz&page=1");

    try {
      sendGet(uri);
    } catch (Exception someClientsRefuseUserInfo) {
      // the span is what matters here
    }

    String redactedQuery = "/ok?token=REDACTED&sig=REDACTED&page=1";
    assertThat(onlyClientSpan().getAttributes().get(URL_FULL))
        .isIn(
            "http://REDACTED:REDACTED@127.0.0.1:" + server.port() + redactedQuery,
            "http://127.0.0.1:" + server.port() + redactedQuery);
  }

  @Test
  void aCallMakesExactlyOneSpan() throws Exception {
    sendGet(server.uri("/ok"));

    harness.waitForSpans(1);
    Thread.sleep(200); // a second span, if there were one, would end by now
    assertThat(harness.spans()).hasSize(1);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aRedirectIsFollowedWithinTheSameSpanAndEachRequestCarriesOneTraceparent() throws Exception {
    int status = sendGet(server.uri("/redirect"));

    assertThat(status).isEqualTo(200);
    SpanData client = onlyClientSpan();
    List<ReceivedRequest> received = server.received();
    assertThat(received).extracting(request -> request.path).containsExactly("/redirect", "/ok");
    for (ReceivedRequest request : received) {
      assertThat(request.headerValues("traceparent"))
          .singleElement()
          .asString()
          .startsWith("00-" + client.getTraceId() + "-" + client.getSpanId() + "-");
    }
    assertThat(client.getAttributes().get(HTTP_REQUEST_RESEND_COUNT))
        .isEqualTo(resendCountAfterOneRedirect());
  }

  @Test
  void spansAndMetricsReportTheModulesScopeAtTheAgentsVersion() throws Exception {
    sendGet(server.uri("/ok"));

    InstrumentationScopeInfo scope =
        InstrumentationScopeInfo.builder(instrumentationName())
            .setVersion(AgentVersion.get())
            .build();
    assertThat(AgentVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(onlyClientSpan()).hasInstrumentationScopeInfo(scope);
    assertThat(durationMetric().getInstrumentationScopeInfo()).isEqualTo(scope);
  }

  @Test
  void theDurationOfEachCallIsRecorded() throws Exception {
    Attributes okCall =
        Attributes.builder()
            .put(HTTP_REQUEST_METHOD, "GET")
            .put(SERVER_ADDRESS, "127.0.0.1")
            .put(SERVER_PORT, (long) server.port())
            .put(HTTP_RESPONSE_STATUS_CODE, 200L)
            .put(NETWORK_PROTOCOL_VERSION, "1.1")
            .build();
    long before = durationCount(okCall);

    sendGet(server.uri("/ok"));
    onlyClientSpan();

    assertThat(durationCount(okCall)).isEqualTo(before + 1);
    MetricData metric = durationMetric();
    assertThat(metric.getUnit()).isEqualTo("s");
    assertThat(metric.getHistogramData().getPoints().iterator().next().getBoundaries())
        .containsExactly(
            0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  }

  /** Waits for the client span (and the parent, if any) and returns the one CLIENT span. */
  protected SpanData onlyClientSpan() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<SpanData> clientSpans =
          harness.spans().stream()
              .filter(span -> span.getKind() == SpanKind.CLIENT)
              .collect(Collectors.toList());
      if (!clientSpans.isEmpty() || System.nanoTime() > deadline) {
        assertThat(clientSpans).hasSize(1);
        return clientSpans.get(0);
      }
      sleep(10);
    }
  }

  protected SpanData spanNamed(String name, int expectedSpans) {
    return harness.waitForSpans(expectedSpans).stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + harness.spans()));
  }

  private MetricData durationMetric() {
    return harness.metrics().stream()
        .filter(metric -> metric.getName().equals("http.client.request.duration"))
        .filter(
            metric -> metric.getInstrumentationScopeInfo().getName().equals(instrumentationName()))
        .findFirst()
        .orElse(null);
  }

  private long durationCount(Attributes attributes) {
    MetricData metric = durationMetric();
    if (metric == null) {
      return 0;
    }
    return metric.getHistogramData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes))
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
