package io.otelite.instrumentation.spring.webmvc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import example.spring.ShopWebConfig;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.otelite.instrumentation.api.http.server.HttpServerMetrics;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Spring MVC's {@code DispatcherServlet} in Tomcat under the servlet and Spring MVC modules: the
 * SERVER span is named after the matched handler's pattern, behind the context path, and so is the
 * duration metric. The DispatcherServlet is registered by class name, as a {@code web.xml} does, so
 * that the same code runs Spring 6 on Tomcat 10.1 (jakarta) and Spring 5 on Tomcat 9 (javax): each
 * subclass runs in its own surefire execution with its own class path (see the pom).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSpringWebMvcRouteTest {
  private static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Tomcat tomcat;
  private int port;

  @BeforeAll
  void startTomcat() throws Exception {
    Path baseDir = Files.createTempDirectory("otelite-spring");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    Context context =
        tomcat.addContext("/shop", Files.createDirectories(baseDir.resolve("webapp")).toString());
    Wrapper dispatcher =
        Tomcat.addServlet(
            context, "dispatcher", "org.springframework.web.servlet.DispatcherServlet");
    dispatcher.addInitParameter(
        "contextClass",
        "org.springframework.web.context.support.AnnotationConfigWebApplicationContext");
    dispatcher.addInitParameter("contextConfigLocation", ShopWebConfig.class.getName());
    dispatcher.setLoadOnStartup(1);
    context.addServletMappingDecoded("/", "dispatcher");
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterAll
  void stopTomcat() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @BeforeEach
  void clear() {
    harness.clear();
  }

  @Test
  void aHandlerWithAPathVariableNamesTheSpanAfterItsPattern() throws Exception {
    HttpResponse<String> response = send("GET", "/owners/7");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(onlyServerSpan())
        .hasName("GET /shop/owners/{ownerId}")
        .hasKind(SpanKind.SERVER)
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/owners/{ownerId}");
  }

  @Test
  void aFormPostThatRedirectsIsNamedAfterItsHandler() throws Exception {
    HttpResponse<String> response = send("POST", "/owners/7/edit");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(onlyServerSpan())
        .hasName("POST /shop/owners/{ownerId}/edit")
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 302L);
  }

  @Test
  void aFailingHandlerKeepsItsRouteAndRecordsItsOwnException() throws Exception {
    HttpResponse<String> response = send("GET", "/owners/7/audit");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(onlyServerSpan())
        .hasName("GET /shop/owners/{ownerId}/audit")
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(
            event ->
                event.hasAttributesSatisfying(
                    equalTo(ExceptionAttributes.EXCEPTION_TYPE, "java.lang.IllegalStateException"),
                    equalTo(ExceptionAttributes.EXCEPTION_MESSAGE, "audit of owner 7 failed")));
  }

  @Test
  void staticResourcesShareTheResourceHandlersPattern() throws Exception {
    assertThat(send("GET", "/static/site.css").statusCode()).isEqualTo(200);

    assertThat(onlyServerSpan())
        .hasName("GET /shop/static/**")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/static/**");
  }

  @Test
  void aPathNoHandlerMatchesKeepsTheRouteOfTheServletMapping() throws Exception {
    assertThat(send("GET", "/no/such/page").statusCode()).isEqualTo(404);

    assertThat(onlyServerSpan())
        .hasName("GET /shop/*")
        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/shop/*");
  }

  @Test
  void theDurationMetricCountsEachRequestUnderTheSameRouteAsTheSpan() throws Exception {
    long before = durationCount("/shop/owners/{ownerId}");

    send("GET", "/owners/1");
    send("GET", "/owners/2");
    harness.waitForSpans(2);

    assertThat(durationCount("/shop/owners/{ownerId}")).isEqualTo(before + 2);
  }

  private static long durationCount(String route) {
    MetricData duration = harness.metric(HttpServerMetrics.DURATION);
    if (duration == null) {
      return 0;
    }
    return duration.getHistogramData().getPoints().stream()
        .filter(point -> route.equals(point.getAttributes().get(HttpAttributes.HTTP_ROUTE)))
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop" + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static SpanData onlyServerSpan() {
    List<SpanData> spans = harness.waitForSpans(1);
    List<SpanData> servers =
        spans.stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
    assertThat(servers).hasSize(1);
    return servers.get(0);
  }
}
