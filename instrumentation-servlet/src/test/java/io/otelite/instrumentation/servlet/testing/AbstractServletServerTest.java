package io.otelite.instrumentation.servlet.testing;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static java.util.Map.entry;
import static java.util.concurrent.TimeUnit.SECONDS;

import example.servlet.AsyncGate;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import io.otelite.instrumentation.api.http.server.HttpServerMetrics;
import io.otelite.instrumentation.api.http.server.HttpServerSettings;
import io.otelite.instrumentation.servlet.ServletInstrumentationScope;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every servlet container must produce for the shop app ({@link example.servlet.ShopApp}): one
 * SERVER span per request, shaped by the stable HTTP semantic conventions, and the HTTP server
 * metrics. A container is added by a subclass that says how to start it.
 *
 * <p>Requests go through the JDK {@link HttpClient}, which is not instrumented here, so every span
 * in these tests comes from the server side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractServletServerTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_SPAN_ID = "b7ad6b7169203331";
  private static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("io.otelite.servlet")
          .setVersion(ServletInstrumentationScope.VERSION)
          .build();

  /** How long to wait for a span that should not come, after the expected ones arrived. */
  private static final long QUIET_MILLIS = 100;

  protected static final InstrumentationTestHarness harness;

  static {
    // the harness reads the configuration once per JVM, so set it before any container test
    // installs it
    System.setProperty(HttpServerSettings.CAPTURE_REQUEST_HEADERS_KEY, "X-Request-Tag");
    System.setProperty(HttpServerSettings.CAPTURE_RESPONSE_HEADERS_KEY, "X-Order-Id,X-Filtered");
    harness = InstrumentationTestHarness.install();
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private ShopServer server;
  private int port;

  /** The container under test, not yet started. */
  protected abstract ShopServer createServer();

  @BeforeAll
  void startServer() throws Exception {
    server = createServer();
    port = server.start();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.stop();
  }

  @BeforeEach
  void clearSpans() {
    harness.clear();
  }

  @Test
  void getIsOneServerSpanWithTheSemconvAttributesNamedAfterItsRoute() throws Exception {
    HttpResponse<String> response = send(request("/hello").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/hello")
        .hasKind(SpanKind.SERVER)
        .hasInstrumentationScopeInfo(SCOPE)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(HttpAttributes.HTTP_REQUEST_METHOD, "GET"),
            equalTo(UrlAttributes.URL_SCHEME, "http"),
            equalTo(UrlAttributes.URL_PATH, "/shop/hello"),
            equalTo(HttpAttributes.HTTP_ROUTE, "/shop/hello"),
            equalTo(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200),
            equalTo(ServerAttributes.SERVER_ADDRESS, "127.0.0.1"),
            equalTo(ServerAttributes.SERVER_PORT, port),
            equalTo(ClientAttributes.CLIENT_ADDRESS, "127.0.0.1"),
            equalTo(NetworkAttributes.NETWORK_PEER_ADDRESS, "127.0.0.1"),
            satisfies(
                NetworkAttributes.NETWORK_PEER_PORT,
                peerPort -> peerPort.isPositive().isNotEqualTo(port)),
            equalTo(NetworkAttributes.NETWORK_PROTOCOL_VERSION, "1.1"),
            satisfies(
                UserAgentAttributes.USER_AGENT_ORIGINAL,
                agent -> agent.startsWith("Java-http-client")));
  }

  @Test
  void aRequestThatNoOtherDispatchFollowsCarriesNoAttributeOfTheAgent() throws Exception {
    // an attribute costs the container an allocation and an event to the application's listeners;
    // only a request that may be dispatched again (async, error page) needs one
    HttpResponse<String> response = send(request("/hello").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-Attributes").orElse(""))
        .doesNotContain("otelite");
    assertThat(awaitSpans(1)).hasSize(1);
  }

  @Test
  void theRouteSpellsTheContextPathAsDeployedNotAsTheClientWroteIt() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sh%6Fp/hello")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/hello")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/hello");
  }

  @Test
  void postIsNamedAfterThePatternOfItsServletMapping() throws Exception {
    HttpResponse<String> response =
        send(
            request("/orders/new")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\"}")));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("created {\"item\":\"book\"}");
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("POST /shop/orders/*")
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.unset())
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "POST")
        .hasAttribute(UrlAttributes.URL_PATH, "/shop/orders/new")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/orders/*")
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 201L);
  }

  @Test
  void pathBehindAFilterGetsTheRouteOfItsServletAndAQueryWithoutSignatures() throws Exception {
    HttpResponse<String> response = send(request("/orders/42?expand=items&sig=c2VjcmV0").GET());

    assertThat(response.body()).isEqualTo("order 42");
    assertThat(response.headers().firstValue("X-Filtered")).hasValue("true");
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/orders/*")
        .hasAttribute(UrlAttributes.URL_PATH, "/shop/orders/42")
        .hasAttribute(UrlAttributes.URL_QUERY, "expand=items&sig=REDACTED")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/orders/*");
  }

  @Test
  void filterThatForwardsMakesOneSpanNamedAfterTheServletThatAnswered() throws Exception {
    HttpResponse<String> response = send(request("/legacy/hello").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/hello")
        .hasKind(SpanKind.SERVER)
        .hasAttribute(UrlAttributes.URL_PATH, "/shop/legacy/hello")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/hello")
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
  }

  @Test
  void unmappedPathIsA404FromTheDefaultServletAndNoError() throws Exception {
    HttpResponse<String> response = send(request("/no-such-page").GET());

    assertThat(response.statusCode()).isEqualTo(404);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/*")
        .hasStatus(StatusData.unset())
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/*")
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 404L);
    assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isNull();
    assertThat(span.getEvents()).isEmpty();
  }

  @Test
  void exceptionEscapingTheServletIsA500ErrorWithTheExceptionRecorded() throws Exception {
    HttpResponse<String> response = send(request("/fail").GET());

    assertThat(response.statusCode()).isEqualTo(500);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/fail")
        .hasStatus(StatusData.error())
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 500L)
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "500")
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(
                            ExceptionAttributes.EXCEPTION_TYPE, "java.lang.IllegalStateException"),
                        equalTo(ExceptionAttributes.EXCEPTION_MESSAGE, "boom"),
                        satisfies(
                            ExceptionAttributes.EXCEPTION_STACKTRACE,
                            trace -> trace.contains("FailingServlet.doGet"))));
  }

  @Test
  void theErrorPageIsPartOfTheRequestsSpanWhichRecordsTheApplicationsOwnException()
      throws Exception {
    HttpResponse<String> response = send(request("/reject").GET());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("sorry");
    List<SpanData> spans = awaitSpans(2);
    SpanData server = spanNamed(spans, "GET /shop/reject");
    SpanData errorPage = spanNamed(spans, "error-page");
    assertThat(errorPage).hasParent(server);
    assertThat(server.getEndEpochNanos())
        .as("the span ends once the container is done, after the error page")
        .isGreaterThanOrEqualTo(errorPage.getEndEpochNanos());
    assertThat(server)
        .hasStatus(StatusData.error())
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/reject")
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 500L)
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "500")
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(
                            ExceptionAttributes.EXCEPTION_TYPE, "example.servlet.OrderRejected"),
                        equalTo(ExceptionAttributes.EXCEPTION_MESSAGE, "out of stock")));
  }

  @Test
  void asyncRequestEndsWhenAnotherThreadCompletesIt() throws Exception {
    AsyncGate.close();
    CompletableFuture<HttpResponse<String>> response =
        client.sendAsync(request("/async").GET().build(), BodyHandlers.ofString());
    assertThat(AsyncGate.awaitWorker()).isTrue();
    long waitedMillis = 200;
    Thread.sleep(
        waitedMillis); // service() has long returned: a span ended on return would be here by now

    assertThat(harness.spans()).isEmpty();
    assertThat(activeRequests("GET")).isEqualTo(1);

    AsyncGate.open();
    assertThat(response.get(10, SECONDS).body()).isEqualTo("done");
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/async")
        .hasStatus(StatusData.unset())
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
    assertThat(span.getEndEpochNanos() - span.getStartEpochNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(waitedMillis).toNanos());
    assertThat(activeRequests("GET")).isZero();
  }

  @Test
  void asyncDispatchRunsWithTheRequestSpanCurrent() throws Exception {
    HttpResponse<String> response = send(request("/async-dispatch").GET());

    assertThat(response.body()).isEqualTo("worked");
    List<SpanData> spans = awaitSpans(2);
    SpanData server = spanNamed(spans, "GET /shop/async-dispatch");
    assertThat(server)
        .hasKind(SpanKind.SERVER)
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
    assertThat(spanNamed(spans, "work")).hasParent(server).hasTraceId(server.getTraceId());
  }

  @Test
  void asyncTimeoutEndsTheSpanWithTheErrorTheContainerSends() throws Exception {
    HttpResponse<String> response = send(request("/async-timeout").GET());

    assertThat(response.statusCode()).isEqualTo(500);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("GET /shop/async-timeout")
        .hasStatus(StatusData.error())
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 500L)
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "500");
  }

  @Test
  void spansOfTheApplicationAreChildrenOfTheServerSpan() throws Exception {
    send(request("/work").GET());

    List<SpanData> spans = awaitSpans(2);
    SpanData server = spanNamed(spans, "GET /shop/work");
    assertThat(spanNamed(spans, "work")).hasParent(server).hasTraceId(server.getTraceId());
  }

  @Test
  void incomingTraceparentMakesTheServerSpanAChildOfTheCaller() throws Exception {
    send(
        request("/hello")
            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
            .GET());

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasTraceId(TRACE_ID).hasParentSpanId(PARENT_SPAN_ID);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getSpanContext().isSampled()).isTrue();
  }

  @Test
  void twoTraceparentFieldsAreNoParentAndTheRequestStartsANewTrace() throws Exception {
    send(
        request("/hello")
            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
            .header("traceparent", "00-" + "1".repeat(32) + "-" + PARENT_SPAN_ID + "-01")
            .GET());

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasNoParent();
    assertThat(span.getTraceId()).isNotIn(TRACE_ID, "1".repeat(32));
  }

  @Test
  void tracestateFieldsAreContinuedAsOneList() throws Exception {
    send(
        request("/hello")
            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
            .header("tracestate", "rojo=00f067aa0ba902b7")
            .header("tracestate", "congo=t61rcWkgMzE,tenant@vendor=1")
            .GET());

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasTraceId(TRACE_ID).hasParentSpanId(PARENT_SPAN_ID);
    assertThat(span.getSpanContext().getTraceState().asMap())
        .containsExactly(
            entry("rojo", "00f067aa0ba902b7"),
            entry("congo", "t61rcWkgMzE"),
            entry("tenant@vendor", "1"));
  }

  @Test
  void malformedTraceparentIsIgnoredAndTheRequestStartsANewTrace() throws Exception {
    HttpResponse<String> response =
        send(request("/hello").header("traceparent", "00-" + TRACE_ID + "-not-a-span-id-01").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasName("GET /shop/hello").hasNoParent();
    assertThat(span.getTraceId()).isNotEqualTo(TRACE_ID);
  }

  @Test
  void configuredRequestAndResponseHeadersAreCapturedWithAllTheirValues() throws Exception {
    send(
        request("/orders/7")
            .header("X-Request-Tag", "blue")
            .header("X-Request-Tag", "green")
            .GET());

    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasAttribute(
            AttributeKey.stringArrayKey("http.request.header.x-request-tag"),
            List.of("blue", "green"))
        .hasAttribute(AttributeKey.stringArrayKey("http.response.header.x-order-id"), List.of("7"))
        .hasAttribute(
            AttributeKey.stringArrayKey("http.response.header.x-filtered"), List.of("true"));
  }

  @Test
  void unknownMethodIsReportedAsOtherAndNamedHttp() throws Exception {
    HttpResponse<String> response =
        send(request("/hello").method("FOO", HttpRequest.BodyPublishers.noBody()));

    // HttpServlet answers methods it does not know with 501
    assertThat(response.statusCode()).isEqualTo(501);
    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasName("HTTP /shop/hello")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "_OTHER")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, "FOO");
  }

  @Test
  void clientBehindAProxyIsNamedByXForwardedFor() throws Exception {
    send(request("/hello").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").GET());

    SpanData span = awaitSpans(1).get(0);
    assertThat(span)
        .hasAttribute(ClientAttributes.CLIENT_ADDRESS, "203.0.113.7")
        .hasAttribute(NetworkAttributes.NETWORK_PEER_ADDRESS, "127.0.0.1");
  }

  @Test
  void durationHistogramCountsEachRequestWithSemconvUnitBucketsAndAttributes() throws Exception {
    Attributes pointAttributes =
        Attributes.builder()
            .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
            .put(UrlAttributes.URL_SCHEME, "http")
            .put(HttpAttributes.HTTP_ROUTE, "/shop/hello")
            .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
            .put(NetworkAttributes.NETWORK_PROTOCOL_VERSION, "1.1")
            .build();
    long countBefore = durationCount(pointAttributes);

    send(request("/hello").GET());
    awaitSpans(1);

    MetricData duration = harness.metric(HttpServerMetrics.DURATION);
    assertThat(duration)
        .hasInstrumentationScope(SCOPE)
        .hasUnit("s")
        .hasDescription("Duration of HTTP server requests.");
    HistogramPointData point = durationPoint(pointAttributes);
    assertThat(point).isNotNull();
    assertThat(point.getCount()).isEqualTo(countBefore + 1);
    assertThat(point.getBoundaries()).isEqualTo(HttpServerMetrics.DURATION_BUCKETS);
    assertThat(point.getMin()).isPositive();

    MetricData active = harness.metric(HttpServerMetrics.ACTIVE_REQUESTS);
    assertThat(active).hasInstrumentationScope(SCOPE).hasUnit("{request}");
    assertThat(activeRequests("GET")).isZero();
  }

  @Test
  void failedRequestIsCountedWithItsErrorType() throws Exception {
    Attributes pointAttributes =
        Attributes.builder()
            .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
            .put(UrlAttributes.URL_SCHEME, "http")
            .put(HttpAttributes.HTTP_ROUTE, "/shop/fail")
            .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 500L)
            .put(NetworkAttributes.NETWORK_PROTOCOL_VERSION, "1.1")
            .put(ErrorAttributes.ERROR_TYPE, "500")
            .build();
    long countBefore = durationCount(pointAttributes);

    send(request("/fail").GET());
    awaitSpans(1);

    assertThat(durationCount(pointAttributes)).isEqualTo(countBefore + 1);
  }

  private HttpRequest.Builder request(String pathInContext) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop" + pathInContext))
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  /**
   * Exactly {@code count} spans: waits for them, then a little longer for any that should not be
   * there.
   */
  private static List<SpanData> awaitSpans(int count) throws InterruptedException {
    harness.waitForSpans(count);
    Thread.sleep(QUIET_MILLIS);
    List<SpanData> spans = harness.spans();
    assertThat(spans).hasSize(count);
    return spans;
  }

  private static SpanData spanNamed(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans));
  }

  private static HistogramPointData durationPoint(Attributes attributes) {
    MetricData metric = harness.metric(HttpServerMetrics.DURATION);
    if (metric == null) {
      return null;
    }
    return metric.getHistogramData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes))
        .findFirst()
        .orElse(null);
  }

  private static long durationCount(Attributes attributes) {
    HistogramPointData point = durationPoint(attributes);
    return point == null ? 0 : point.getCount();
  }

  private static long activeRequests(String method) {
    MetricData metric = harness.metric(HttpServerMetrics.ACTIVE_REQUESTS);
    if (metric == null) {
      return 0;
    }
    Attributes attributes =
        Attributes.of(HttpAttributes.HTTP_REQUEST_METHOD, method, UrlAttributes.URL_SCHEME, "http");
    return metric.getLongSumData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes))
        .mapToLong(LongPointData::getValue)
        .sum();
  }
}
