package io.otelite.instrumentation.api.http.server;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
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
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.otelite.instrumentation.api.span.AttributeRecordingSampler;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.testing.TestTelemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The library-independent rules, driven through a getter over plain maps. */
class HttpServerInstrumenterTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();

  @AfterEach
  void closeSdk() {
    sdk.close();
    SamplerTraits.configure(SamplerTraits.READS_ATTRIBUTES);
  }

  @Test
  void aSpanGivenItsAttributesAfterTheSamplingDecisionHasTheSameOnesAsBefore() {
    Request request =
        new Request("GET", "/orders")
            .header("Forwarded", "for=192.0.2.60;proto=https;host=shop.example:8443")
            .header("User-Agent", "curl/8.5")
            .header("X-Tenant", "a");
    HttpServerSettings settings = HttpServerSettings.of(List.of(), List.of("x-tenant"), List.of());

    // an attribute-blind sampler that does not sample every root: attributes after the decision
    serve(SamplerTraits.attributeBlind(false), settings, request);
    serve(SamplerTraits.READS_ATTRIBUTES, settings, request);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    assertThat(finished.get(0).getAttributes().size()).isGreaterThanOrEqualTo(11);
    assertThat(finished.get(0).getAttributes()).isEqualTo(finished.get(1).getAttributes());
    assertThat(finished.get(0)).hasName("GET /orders").hasKind(SpanKind.SERVER);
  }

  @Test
  void aSamplerThatMayReadAttributesSeesThemWhenItDecides() {
    AttributeRecordingSampler sampler = new AttributeRecordingSampler(Sampler.alwaysOn());
    HttpServerInstrumenter<Request, Response> instrumenter =
        new HttpServerInstrumenter<>(
            sdkWith(sampler, InMemoryMetricReader.create()),
            "test",
            "1.0",
            new MapGetter(),
            defaultSettings());

    instrumenter.end(
        instrumenter.start(Context.root(), new Request("GET", "/x"), "/x", null),
        new Response(200),
        null);

    assertThat(sampler.seen().get(0))
        .containsEntry(UrlAttributes.URL_PATH, "/x")
        .containsEntry(HttpAttributes.HTTP_ROUTE, "/x");
  }

  @Test
  void anUnsampledRequestBuildsNoSpanAttributesAndIsStillMeasuredWithItsRoute() {
    SamplerTraits.configure(SamplerTraits.attributeBlind(true));
    AttributeRecordingSampler sampler =
        new AttributeRecordingSampler(Sampler.parentBased(Sampler.alwaysOn()));
    InMemoryMetricReader unsampledMetrics = InMemoryMetricReader.create();
    HttpServerInstrumenter<Request, Response> instrumenter =
        new HttpServerInstrumenter<>(
            sdkWith(sampler, unsampledMetrics), "test", "1.0", new MapGetter(), defaultSettings());
    Request request =
        new Request("GET", "/orders/7")
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");

    HttpServerExchange exchange =
        instrumenter.start(Context.root(), request, null, HttpRouteSource.SERVLET);
    exchange.updateRoute(HttpRouteSource.CONTROLLER, "/orders/{id}");
    instrumenter.end(exchange, new Response(200), null);

    assertThat(exchange.span().isRecording()).isFalse();
    assertThat(sampler.seen()).containsExactly(Attributes.empty());
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    MetricData duration =
        unsampledMetrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals(HttpServerMetrics.DURATION))
            .findFirst()
            .orElseThrow();
    assertThat(
            duration
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getAttributes()
                .get(HttpAttributes.HTTP_ROUTE))
        .isEqualTo("/orders/{id}");
  }

  @Test
  void requestsOfOneRouteThatEndDifferentlyAreCountedApart() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());

    for (int status : new int[] {200, 503, 200, 404}) {
      instrumenter.end(
          instrumenter.start(
              Context.root(),
              new Request("GET", "/orders/1"),
              "/orders/*",
              HttpRouteSource.SERVLET),
          new Response(status),
          null);
    }
    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("POST", "/orders/1"), "/orders/*", HttpRouteSource.SERVLET),
        new Response(200),
        null);

    MetricData duration =
        metrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals(HttpServerMetrics.DURATION))
            .findFirst()
            .orElseThrow();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (HistogramPointData point : duration.getHistogramData().getPoints()) {
      Attributes attributes = point.getAttributes();
      assertThat(attributes.get(HttpAttributes.HTTP_ROUTE)).isEqualTo("/orders/*");
      counts.put(
          attributes.get(HttpAttributes.HTTP_REQUEST_METHOD)
              + " "
              + attributes.get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE)
              + " "
              + attributes.get(ErrorAttributes.ERROR_TYPE),
          point.getCount());
    }
    assertThat(counts)
        .containsOnly(
            Map.entry("GET 200 null", 2L),
            Map.entry("GET 503 503", 1L),
            Map.entry("GET 404 null", 1L),
            Map.entry("POST 200 null", 1L));
  }

  @Test
  void unknownMethodIsOtherWithTheOriginalKeptAndTheSpanNamedHttp() {
    HttpServerInstrumenter<Request, Response> instrumenter =
        instrumenter(HttpServerSettings.of(List.of(), List.of(), List.of()));

    instrumenter.end(
        instrumenter.start(Context.root(), new Request("get", "/x"), "/x", HttpRouteSource.SERVLET),
        new Response(200),
        null);

    assertThat(onlySpan())
        .hasName("HTTP /x")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "_OTHER")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, "get");
  }

  @Test
  void configuredKnownMethodsReplaceTheDefaultSet() {
    HttpServerInstrumenter<Request, Response> instrumenter =
        instrumenter(HttpServerSettings.of(List.of("GET", "PURGE"), List.of(), List.of()));

    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("PURGE", "/cache"), null, HttpRouteSource.SERVLET),
        new Response(200),
        null);
    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("POST", "/cache"), null, HttpRouteSource.SERVLET),
        new Response(200),
        null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasName("PURGE")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "PURGE");
    assertThat(spans.getFinishedSpanItems().get(1))
        .hasName("HTTP")
        .hasAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "_OTHER");
  }

  @Test
  void statusRulesOfAServerSpan() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());

    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("GET", "/missing"), null, HttpRouteSource.SERVLET),
        new Response(404),
        null);
    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("GET", "/busy"), null, HttpRouteSource.SERVLET),
        new Response(503),
        null);
    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("GET", "/late"), null, HttpRouteSource.SERVLET),
        new Response(200),
        new IllegalStateException("after the response was committed"));
    instrumenter.end(
        instrumenter.start(
            Context.root(), new Request("GET", "/gone"), null, HttpRouteSource.SERVLET),
        null,
        null);

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended.get(0)).hasStatus(StatusData.unset());
    assertThat(ended.get(0).getAttributes().get(ErrorAttributes.ERROR_TYPE)).isNull();
    assertThat(ended.get(1))
        .hasStatus(StatusData.error())
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "503");
    assertThat(ended.get(1).getEvents()).isEmpty();
    assertThat(ended.get(2))
        .hasStatus(StatusData.error())
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "java.lang.IllegalStateException");
    assertThat(ended.get(2).getEvents()).hasSize(1);
    // no response and no exception: semconv's fallback
    assertThat(ended.get(3))
        .hasStatus(StatusData.error())
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "_OTHER");
  }

  @Test
  void forwardedHeaderNamesTheClientSchemeAndHostTheProxyReceived() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    Request request =
        new Request("GET", "/x")
            .header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https;host=shop.example:8443");

    instrumenter.end(
        instrumenter.start(Context.root(), request, null, HttpRouteSource.SERVLET),
        new Response(200),
        null);

    assertThat(onlySpan())
        .hasAttribute(ClientAttributes.CLIENT_ADDRESS, "2001:db8::17")
        .hasAttribute(NetworkAttributes.NETWORK_PEER_ADDRESS, "10.1.2.3")
        .hasAttribute(UrlAttributes.URL_SCHEME, "https")
        .hasAttribute(ServerAttributes.SERVER_ADDRESS, "shop.example")
        .hasAttribute(ServerAttributes.SERVER_PORT, 8443L);
  }

  @Test
  void xForwardedHeadersAreUsedWhenThereIsNoForwardedHeader() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    Request request =
        new Request("GET", "/x")
            .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "shop.example");

    instrumenter.end(
        instrumenter.start(Context.root(), request, null, HttpRouteSource.SERVLET),
        new Response(200),
        null);

    assertThat(onlySpan())
        .hasAttribute(ClientAttributes.CLIENT_ADDRESS, "203.0.113.7")
        .hasAttribute(UrlAttributes.URL_SCHEME, "https")
        .hasAttribute(ServerAttributes.SERVER_ADDRESS, "shop.example");
    assertThat(onlySpan().getAttributes().get(ServerAttributes.SERVER_PORT)).isNull();
  }

  @Test
  void http2IsReportedAsVersion2() {
    assertThat(HttpServerInstrumenter.protocolVersion("HTTP/2.0")).isEqualTo("2");
    assertThat(HttpServerInstrumenter.protocolVersion("HTTP/1.1")).isEqualTo("1.1");
    assertThat(HttpServerInstrumenter.protocolVersion("HTTP/1.0")).isEqualTo("1.0");
    assertThat(HttpServerInstrumenter.protocolVersion("SPDY/3")).isNull();
  }

  @Test
  void aProvisionalRouteGivesWayToTheFinalOneWhichStays() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    HttpServerExchange exchange =
        instrumenter.start(
            Context.root(), new Request("GET", "/legacy/a"), "/*", HttpRouteSource.FILTER);

    exchange.updateRoute(HttpRouteSource.SERVLET, "/a");
    exchange.updateRoute(HttpRouteSource.SERVLET, "/b");
    instrumenter.end(exchange, new Response(200), null);

    assertThat(onlySpan()).hasName("GET /a").hasAttribute(HttpAttributes.HTTP_ROUTE, "/a");
    assertThat(durationPoint().getAttributes().get(HttpAttributes.HTTP_ROUTE)).isEqualTo("/a");
  }

  @Test
  void aControllerRouteReplacesTheServletsAndTheFirstControllerKeepsIt() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    Request request = new Request("GET", "/shop/owners/7");
    request.contextPath = "/shop";
    request.attributes.put("pattern", "/owners/{ownerId}");
    HttpServerExchange exchange =
        instrumenter.start(Context.root(), request, "/shop/*", HttpRouteSource.SERVLET);

    exchange.updateApplicationRoute(
        HttpRouteSource.CONTROLLER, (String) exchange.requestAttribute("pattern"));
    // the error dispatch's controller, and a later servlet, know less about this request
    exchange.updateApplicationRoute(HttpRouteSource.CONTROLLER, "/error");
    exchange.updateRoute(HttpRouteSource.SERVLET, "/shop/error");
    instrumenter.end(exchange, new Response(200), null);

    assertThat(onlySpan())
        .hasName("GET /shop/owners/{ownerId}")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/owners/{ownerId}");
    assertThat(durationPoint().getAttributes().get(HttpAttributes.HTTP_ROUTE))
        .isEqualTo("/shop/owners/{ownerId}");
    assertThat(exchange.requestAttribute("pattern"))
        .as("an ended exchange lets go of the request, which the container recycles")
        .isNull();
  }

  @Test
  void aRouteGivenToARequestOfAnUnknownMethodNamesTheSpanHttpAndTheRoute() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    HttpServerExchange exchange =
        instrumenter.start(Context.root(), new Request("PURGE", "/cache/1"), null, null);

    exchange.updateRoute(HttpRouteSource.CONTROLLER, "/cache/{id}");
    instrumenter.end(exchange, new Response(200), null);

    assertThat(onlySpan()).hasName("HTTP /cache/{id}");
  }

  @Test
  void theExceptionRecordedIsTheApplicationsOneInsideTheLibrarysWrapper() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    IllegalStateException cause = new IllegalStateException("the application's");

    instrumenter.end(
        instrumenter.start(Context.root(), new Request("GET", "/late"), null, null),
        new Response(200),
        new Wrapper(cause));

    assertThat(onlySpan())
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "java.lang.IllegalStateException")
        .hasEventsSatisfyingExactly(
            event ->
                event.hasAttributesSatisfying(
                    equalTo(
                        AttributeKey.stringKey("exception.type"),
                        "java.lang.IllegalStateException"),
                    equalTo(AttributeKey.stringKey("exception.message"), "the application's")));
  }

  @Test
  void anExchangeEndsOnceAndIsCountedOnce() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    HttpServerExchange exchange =
        instrumenter.start(Context.root(), new Request("GET", "/x"), "/x", HttpRouteSource.SERVLET);
    assertThat(HttpServerExchange.fromContext(exchange.context())).isSameAs(exchange);

    instrumenter.end(exchange, new Response(200), null);
    instrumenter.end(exchange, new Response(500), new IllegalStateException("late"));

    assertThat(exchange.isEnded()).isTrue();
    assertThat(onlySpan())
        .hasStatus(StatusData.unset())
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
    assertThat(durationPoint().getCount()).isEqualTo(1);
    assertThat(durationPoint().getAttributes())
        .isEqualTo(
            Attributes.builder()
                .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
                .put(UrlAttributes.URL_SCHEME, "http")
                .put(HttpAttributes.HTTP_ROUTE, "/x")
                .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
                .put(NetworkAttributes.NETWORK_PROTOCOL_VERSION, "1.1")
                .build());
  }

  @Test
  void anErrorThrownWhileTheRequestContinuedAsynchronouslyEndsUpOnTheSpan() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    HttpServerExchange exchange =
        instrumenter.start(Context.root(), new Request("GET", "/x"), "/x", HttpRouteSource.SERVLET);

    exchange.recordAsyncError(new IllegalArgumentException("in the async dispatch"));
    instrumenter.end(exchange, new Response(500), null);

    assertThat(onlySpan())
        .hasStatus(StatusData.error())
        .hasAttribute(ErrorAttributes.ERROR_TYPE, "500");
    assertThat(onlySpan().getEvents())
        .singleElement()
        .satisfies(event -> assertThat(event).hasName("exception"));
  }

  @Test
  void capturedHeaderNamesAreLowerCasedAndEveryValueKept() {
    HttpServerInstrumenter<Request, Response> instrumenter =
        instrumenter(
            HttpServerSettings.of(List.of(), List.of(" X-Tenant ", ""), List.of("Cache-Control")));
    Request request = new Request("GET", "/x").header("x-tenant", "a").header("X-TENANT", "b");
    Response response = new Response(200).header("Cache-Control", "no-store");

    instrumenter.end(
        instrumenter.start(Context.root(), request, null, HttpRouteSource.SERVLET), response, null);

    assertThat(onlySpan())
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringArrayKey("http.request.header.x-tenant"), List.of("a", "b")),
            equalTo(
                AttributeKey.stringArrayKey("http.response.header.cache-control"),
                List.of("no-store")));
  }

  @Test
  void propagatorsReadEveryFieldOfARepeatedHeader() {
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(defaultSettings());
    Request request =
        new Request("GET", "/x").header("baggage", "tenant=a").header("Baggage", "region=eu");

    HttpServerExchange exchange =
        instrumenter.start(Context.root(), request, null, HttpRouteSource.FILTER);
    Baggage baggage = Baggage.fromContext(exchange.context());
    instrumenter.end(exchange, new Response(200), null);

    assertThat(baggage.getEntryValue("tenant")).isEqualTo("a");
    assertThat(baggage.getEntryValue("region")).isEqualTo("eu");
  }

  private void serve(SamplerTraits traits, HttpServerSettings settings, Request request) {
    SamplerTraits.configure(traits);
    HttpServerInstrumenter<Request, Response> instrumenter = instrumenter(settings);
    instrumenter.end(
        instrumenter.start(Context.root(), request, "/orders", HttpRouteSource.SERVLET),
        new Response(200),
        null);
  }

  /** Spans go to {@link #spans}, metrics to {@code reader}: a reader serves one SDK only. */
  private OpenTelemetrySdk sdkWith(Sampler sampler, InMemoryMetricReader reader) {
    return TestTelemetry.sdk(sampler, spans, reader);
  }

  private HttpServerInstrumenter<Request, Response> instrumenter(HttpServerSettings settings) {
    return new HttpServerInstrumenter<>(sdk, "test", "1.0", new MapGetter(), settings);
  }

  private static HttpServerSettings defaultSettings() {
    return HttpServerSettings.of(List.of(), List.of(), List.of());
  }

  private SpanData onlySpan() {
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  private HistogramPointData durationPoint() {
    MetricData duration =
        metrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals(HttpServerMetrics.DURATION))
            .findFirst()
            .orElseThrow();
    return duration.getHistogramData().getPoints().iterator().next();
  }

  /** A request as plain data; header names compare case-insensitively, as in HTTP. */
  private static final class Request {
    final String method;
    final String path;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    final Map<String, Object> attributes = new LinkedHashMap<>();
    String contextPath = "";

    Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Request header(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
      return this;
    }
  }

  private static final class Response {
    final int status;
    final Map<String, List<String>> headers = new LinkedHashMap<>();

    Response(int status) {
      this.status = status;
    }

    Response header(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
      return this;
    }
  }

  private static final class MapGetter implements HttpServerAttributesGetter<Request, Response> {
    @Override
    public String method(Request request) {
      return request.method;
    }

    @Override
    public String scheme(Request request) {
      return "http";
    }

    @Override
    public String path(Request request) {
      return request.path;
    }

    @Override
    public String query(Request request) {
      return null;
    }

    @Override
    public String protocol(Request request) {
      return "HTTP/1.1";
    }

    @Override
    public String serverAddress(Request request) {
      return "localhost";
    }

    @Override
    public int serverPort(Request request) {
      return 8080;
    }

    @Override
    public String peerAddress(Request request) {
      return "10.1.2.3";
    }

    @Override
    public int peerPort(Request request) {
      return 50000;
    }

    @Override
    public String requestHeader(Request request, String name) {
      List<String> values = requestHeaderValues(request, name);
      return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> requestHeaderValues(Request request, String name) {
      return request.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public Iterable<String> requestHeaderNames(Request request) {
      return request.headers.keySet();
    }

    @Override
    public int statusCode(Response response, Throwable error) {
      return response.status;
    }

    @Override
    public List<String> responseHeaderValues(Response response, String name) {
      return response.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String applicationPath(Request request) {
      return request.contextPath;
    }

    @Override
    public Object requestAttribute(Request request, String name) {
      return request.attributes.get(name);
    }

    @Override
    public Throwable applicationError(Throwable error) {
      return error instanceof Wrapper && error.getCause() != null ? error.getCause() : error;
    }
  }

  /** What a container wraps the application's exception in, like {@code ServletException}. */
  private static final class Wrapper extends Exception {
    Wrapper(Throwable cause) {
      super("request processing failed", cause);
    }
  }
}
