package io.otelite.instrumentation.api.http.client;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_RESEND_COUNT;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;

import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.api.http.KnownHttpMethods;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.testing.TestTelemetry;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpClientInstrumenterTest {
  /**
   * A request as a library might model it: method, URL, and headers the instrumenter may add to.
   */
  static final class FakeRequest {
    final String method;
    final String url;
    final Map<String, String> headers = new HashMap<>();

    FakeRequest(String method, String url) {
      this.method = method;
      this.url = url;
    }
  }

  static final class FakeResponse {
    final int status;

    FakeResponse(int status) {
      this.status = status;
    }
  }

  static final HttpClientAttributesGetter<FakeRequest, FakeResponse> GETTER =
      new HttpClientAttributesGetter<>() {
        @Override
        public String method(FakeRequest request) {
          return request.method;
        }

        @Override
        public String urlFull(FakeRequest request) {
          return request.url;
        }

        @Override
        public int statusCode(FakeRequest request, FakeResponse response) {
          return response.status;
        }

        @Override
        public String protocolVersion(FakeRequest request, FakeResponse response) {
          return "1.1";
        }
      };

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private final HttpClientInstrumenter<FakeRequest, FakeResponse> instrumenter =
      instrumenter(KnownHttpMethods.of(KnownHttpMethods.DEFAULT));

  private HttpClientInstrumenter<FakeRequest, FakeResponse> instrumenter(
      KnownHttpMethods knownMethods) {
    return new HttpClientInstrumenter<>(
        sdk,
        "io.otelite.test-client",
        GETTER,
        (request, name, value) -> request.headers.put(name, value),
        HttpClientSettings.of(
            knownMethods, new UrlRedactor(UrlRedactor.DEFAULT_SENSITIVE_QUERY_PARAMETERS)));
  }

  @AfterEach
  void closeSdk() {
    sdk.close();
    SamplerTraits.configure(SamplerTraits.READS_ATTRIBUTES);
  }

  @Test
  void aSpanGivenItsAttributesAfterTheSamplingDecisionHasTheSameOnesAsBefore() {
    FakeRequest request = new FakeRequest("PURGE", "http://localhost:8080/cache?token=t0p");

    // an attribute-blind sampler that does not sample every root: attributes after the decision
    SamplerTraits.configure(SamplerTraits.attributeBlind(false));
    call(instrumenter(KnownHttpMethods.of(KnownHttpMethods.DEFAULT)), request);
    SamplerTraits.configure(SamplerTraits.READS_ATTRIBUTES);
    call(instrumenter(KnownHttpMethods.of(KnownHttpMethods.DEFAULT)), request);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    assertThat(finished.get(0).getAttributes().size()).isEqualTo(7);
    assertThat(finished.get(0).getAttributes()).isEqualTo(finished.get(1).getAttributes());
  }

  @Test
  void anUnsampledCallIsNotExportedButStillMeasuredAndPropagated() {
    SamplerTraits.configure(SamplerTraits.attributeBlind(true));
    Context unsampledParent = TestTelemetry.unsampledRemoteParent();
    FakeRequest request = new FakeRequest("GET", "http://localhost:8080/orders");
    HttpClientInstrumenter<FakeRequest, FakeResponse> unsampling =
        new HttpClientInstrumenter<>(
            TestTelemetry.sdk(Sampler.parentBased(Sampler.alwaysOn()), spans, metrics),
            "io.otelite.test-client",
            GETTER,
            (carrier, name, value) -> carrier.headers.put(name, value),
            HttpClientSettings.of(
                KnownHttpMethods.of(KnownHttpMethods.DEFAULT),
                new UrlRedactor(UrlRedactor.DEFAULT_SENSITIVE_QUERY_PARAMETERS)));

    HttpClientOperation operation = unsampling.start(unsampledParent, request);
    unsampling.end(operation, request, new FakeResponse(200), null);

    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(request.headers.get("traceparent"))
        .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
        .endsWith("-00");
    HistogramPointData point =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("http.client.request.duration"))
            .findFirst()
            .orElseThrow()
            .getHistogramData()
            .getPoints()
            .iterator()
            .next();
    assertThat(point.getAttributes().get(SERVER_ADDRESS)).isEqualTo("localhost");
    assertThat(point.getAttributes().get(SERVER_PORT)).isEqualTo(8080L);
  }

  private static void call(
      HttpClientInstrumenter<FakeRequest, FakeResponse> instrumenter, FakeRequest request) {
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    instrumenter.end(operation, request, new FakeResponse(200), null);
  }

  @Test
  void aSuccessfulCallIsOneClientSpanUnderTheCurrentSpanWithItsContextInTheHeaders() {
    Span parent = sdk.getTracer("test").spanBuilder("parent").startSpan();
    Context parentContext = Context.root().with(parent);
    FakeRequest request =
        new FakeRequest("GET", "http://user:pw@localhost:8080/orders?token=t0p&page=2");

    assertThat(instrumenter.shouldStart(parentContext)).isTrue();
    HttpClientOperation operation = instrumenter.start(parentContext, request);
    instrumenter.end(operation, request, new FakeResponse(200), null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasTraceId(parent.getSpanContext().getTraceId())
        .hasParentSpanId(parent.getSpanContext().getSpanId())
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(
                URL_FULL, "http://REDACTED:REDACTED@localhost:8080/orders?token=REDACTED&page=2"),
            equalTo(SERVER_ADDRESS, "localhost"),
            equalTo(SERVER_PORT, 8080),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 200),
            equalTo(NETWORK_PROTOCOL_VERSION, "1.1"));
    assertThat(request.headers.get("traceparent"))
        .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
  }

  @Test
  void clientAndServerErrorStatusesAreErrorsWithTheStatusCodeAsErrorType() {
    for (int status : new int[] {404, 500}) {
      spans.reset();
      FakeRequest request = new FakeRequest("POST", "https://api.example.com/x");
      HttpClientOperation operation = instrumenter.start(Context.root(), request);
      instrumenter.end(operation, request, new FakeResponse(status), null);

      assertThat(spans.getFinishedSpanItems().get(0))
          .hasStatus(StatusData.error())
          .hasAttributesSatisfying(
              equalTo(ERROR_TYPE, String.valueOf(status)),
              equalTo(HTTP_RESPONSE_STATUS_CODE, status),
              equalTo(SERVER_PORT, 443));
    }
  }

  @Test
  void aFailureWithoutResponseIsAnErrorNamedByTheExceptionClassWithAnExceptionEvent() {
    FakeRequest request = new FakeRequest("GET", "http://localhost:1/");
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    instrumenter.end(operation, request, null, new ConnectException("Connection refused"));

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(URL_FULL, "http://localhost:1/"),
            equalTo(SERVER_ADDRESS, "localhost"),
            equalTo(SERVER_PORT, 1),
            equalTo(ERROR_TYPE, "java.net.ConnectException"));
    assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }

  @Test
  void anUnknownMethodIsReportedAsOtherAndNamesTheSpanHttp() {
    FakeRequest request = new FakeRequest("PURGE", "http://cache/");
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    instrumenter.end(operation, request, new FakeResponse(204), null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasName("HTTP")
        .hasAttributesSatisfying(
            equalTo(HTTP_REQUEST_METHOD, "_OTHER"), equalTo(HTTP_REQUEST_METHOD_ORIGINAL, "PURGE"));
  }

  @Test
  void configuredKnownMethodsReplaceTheDefaultSetAsInTheOpenTelemetryAgent() {
    // otel.instrumentation.http.known-methods=GET,PURGE
    HttpClientInstrumenter<FakeRequest, FakeResponse> purging =
        instrumenter(KnownHttpMethods.of(List.of("GET", "PURGE")));
    for (String method : new String[] {"PURGE", "POST"}) {
      FakeRequest request = new FakeRequest(method, "http://cache/");
      purging.end(purging.start(Context.root(), request), request, new FakeResponse(204), null);
    }

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended.get(0))
        .hasName("PURGE")
        .hasAttributesSatisfying(equalTo(HTTP_REQUEST_METHOD, "PURGE"));
    assertThat(ended.get(0).getAttributes().get(HTTP_REQUEST_METHOD_ORIGINAL)).isNull();
    assertThat(ended.get(1))
        .hasName("HTTP")
        .hasAttributesSatisfying(
            equalTo(HTTP_REQUEST_METHOD, "_OTHER"), equalTo(HTTP_REQUEST_METHOD_ORIGINAL, "POST"));
  }

  @Test
  void spansAndMetricsCarryTheInstrumentationNameAndTheAgentsVersion() {
    FakeRequest request = new FakeRequest("GET", "http://h/");
    instrumenter.end(
        instrumenter.start(Context.root(), request), request, new FakeResponse(200), null);

    InstrumentationScopeInfo scope =
        InstrumentationScopeInfo.builder("io.otelite.test-client")
            .setVersion(AgentVersion.get())
            .build();
    assertThat(AgentVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(spans.getFinishedSpanItems().get(0)).hasInstrumentationScopeInfo(scope);
    assertThat(metrics.collectAllMetrics())
        .extracting(MetricData::getInstrumentationScopeInfo)
        .containsOnly(scope);
  }

  @Test
  @SuppressWarnings("try")
  void noSpanInsideAnotherHttpClientCallNorWhereTheSdkSuppressesInstrumentation() {
    FakeRequest request = new FakeRequest("GET", "http://outer/");
    HttpClientOperation outer = instrumenter.start(Context.root(), request);
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(instrumenter.shouldStart(Context.current())).isFalse();
    }
    instrumenter.end(outer, request, new FakeResponse(200), null);

    AtomicBoolean startedInExporter = new AtomicBoolean(true);
    InstrumentationUtil.suppressInstrumentation(
        () -> startedInExporter.set(instrumenter.shouldStart(Context.current())));
    assertThat(startedInExporter).isFalse();
    assertThat(instrumenter.shouldStart(Context.root())).isTrue();
  }

  @Test
  void onlyTheFirstEndCounts() {
    FakeRequest request = new FakeRequest("GET", "http://h/");
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    instrumenter.end(operation, request, new FakeResponse(200), null);
    instrumenter.end(operation, request, null, new IllegalStateException("late"));

    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0)).hasStatus(StatusData.unset());
    assertThat(operation.hasEnded()).isTrue();
  }

  @Test
  void resendsAreCounted() {
    FakeRequest request = new FakeRequest("GET", "http://h/");
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    assertThat(operation.onRequestSent()).isZero();
    assertThat(operation.onRequestSent()).isEqualTo(1);
    assertThat(operation.onRequestSent()).isEqualTo(2);
    instrumenter.end(operation, request, new FakeResponse(200), null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasAttributesSatisfying(equalTo(HTTP_REQUEST_RESEND_COUNT, 2));
  }

  @Test
  void theDurationIsRecordedWithTheServersBucketsAndLowCardinalityAttributes() {
    FakeRequest request = new FakeRequest("GET", "http://localhost:8080/orders/42?token=x");
    HttpClientOperation operation = instrumenter.start(Context.root(), request);
    instrumenter.end(operation, request, new FakeResponse(503), null);

    MetricData metric =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("http.client.request.duration"))
            .findFirst()
            .orElseThrow();
    assertThat(metric.getUnit()).isEqualTo("s");
    HistogramPointData point = metric.getHistogramData().getPoints().iterator().next();
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getBoundaries())
        .isEqualTo(
            List.of(
                0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0));
    assertThat(point.getAttributes().asMap())
        .containsOnlyKeys(
            HTTP_REQUEST_METHOD,
            SERVER_ADDRESS,
            SERVER_PORT,
            HTTP_RESPONSE_STATUS_CODE,
            NETWORK_PROTOCOL_VERSION,
            ERROR_TYPE);
    assertThat(point.getAttributes().get(ERROR_TYPE)).isEqualTo("503");
  }
}
