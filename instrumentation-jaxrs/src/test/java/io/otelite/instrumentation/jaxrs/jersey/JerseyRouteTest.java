package io.otelite.instrumentation.jaxrs.jersey;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import example.jaxrs.ShopApplication;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jersey 3's servlet, mapped to {@code /api/*} in the {@code /shop} context of Tomcat 10.1, under
 * the servlet and JAX-RS modules: each request's span is named after the {@code @Path} templates of
 * the resource method that served it, behind the context path and the servlet's mapping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JerseyRouteTest {
  private static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Tomcat tomcat;
  private int port;

  @BeforeAll
  void startTomcat() throws Exception {
    Path baseDir = Files.createTempDirectory("otelite-jersey");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    Context context =
        tomcat.addContext("/shop", Files.createDirectories(baseDir.resolve("webapp")).toString());
    Wrapper jersey =
        Tomcat.addServlet(context, "jersey", "org.glassfish.jersey.servlet.ServletContainer");
    jersey.addInitParameter("jakarta.ws.rs.Application", ShopApplication.class.getName());
    jersey.setLoadOnStartup(1);
    context.addServletMappingDecoded("/api/*", "jersey");
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

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET,  /api/owners,              200, /shop/api/owners",
    "GET,  /api/owners/7,            200, /shop/api/owners/{ownerId}",
    "GET,  /api/owners/7/pets/3,     200, '/shop/api/owners/{ownerId}/pets/{petId: [0-9]+}'",
    "POST, /api/owners/7/visits,     201, /shop/api/owners/{ownerId}/visits",
  })
  void theSpanIsNamedAfterThePathTemplatesOfTheResourceMethod(
      String method, String path, int status, String route) throws Exception {
    assertThat(send(method, path).statusCode()).isEqualTo(status);

    assertThat(onlyServerSpan())
        .hasName(method + " " + route)
        .hasAttribute(HttpAttributes.HTTP_ROUTE, route)
        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
  }

  @Test
  void aFailingResourceMethodKeepsItsRouteAndRecordsItsOwnException() throws Exception {
    assertThat(send("GET", "/api/owners/7/audit").statusCode()).isEqualTo(500);

    assertThat(onlyServerSpan())
        .hasName("GET /shop/api/owners/{ownerId}/audit")
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(
            event ->
                event.hasAttributesSatisfying(
                    equalTo(
                        ExceptionAttributes.EXCEPTION_TYPE, "java.lang.IllegalStateException")));
  }

  @Test
  void aPathNoResourceMatchesKeepsTheRouteOfTheServletMapping() throws Exception {
    assertThat(send("GET", "/api/vets").statusCode()).isEqualTo(404);

    assertThat(onlyServerSpan()).hasName("GET /shop/api/*");
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
