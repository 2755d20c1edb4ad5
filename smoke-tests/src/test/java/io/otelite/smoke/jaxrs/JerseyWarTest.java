package io.otelite.smoke.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.harness.Traceparent;
import io.otelite.smoke.harness.FirstResponse;
import io.otelite.smoke.startup.JettyHome;
import io.otelite.smoke.startup.RealServer;
import io.otelite.smoke.startup.TomcatDistribution;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Jersey 3 application packaged as a war ({@code testapp-jersey3}), dropped into the {@code
 * webapps/} of a stock Tomcat 10.1 and a stock Jetty 12 (ee10) started by their own launchers under
 * the agent: every request's SERVER span is named after the {@code @Path} templates of the resource
 * method that served it, behind the war's context path and Jersey's servlet mapping.
 */
class JerseyWarTest {
  private static final String CONTEXT = "/testapp-jersey3";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.http();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static Stream<RealServer> servers() {
    Path war = Locations.repoRoot().resolve("testapp-jersey3/target/testapp-jersey3.war");
    return Stream.of(
        TomcatDistribution.named("otelite.tomcat10.distribution").withWar(war),
        new JettyHome(Locations.distributionVersion("otelite.jetty12.distribution")).withWar(war));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void eachResourceMethodNamesItsRequestsSpanAfterItsPathTemplates(RealServer server)
      throws Exception {
    String service = "jersey3-on-" + server.name();
    int port = FreePorts.next();
    try (ManagedProcess process =
        server.start(
            Locations.agentJar(),
            port,
            List.of(),
            Map.of(
                "OTEL_SERVICE_NAME", service,
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_BSP_SCHEDULE_DELAY", "200"))) {
      FirstResponse.await200(process, "http://127.0.0.1:" + port + CONTEXT + "/api/vets", STARTUP);

      assertRoute(port, "GET", "/api/vets", 200, "/api/vets");
      assertRoute(port, "GET", "/api/vets/2", 200, "/api/vets/{vetId: [0-9]+}");
      assertRoute(
          port,
          "GET",
          "/api/vets/2/specialties/surgery",
          200,
          "/api/vets/{vetId}/specialties/{specialty}");
      assertRoute(
          port,
          "GET",
          "/api/vets/2/specialties/magic",
          404,
          "/api/vets/{vetId}/specialties/{specialty}");
      assertRoute(port, "POST", "/api/pets/7/visits", 201, "/api/pets/{petId}/visits");
    }
  }

  private static void assertRoute(
      int port, String method, String path, int status, String routeInContext) throws Exception {
    Traceparent caller = Traceparent.random();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CONTEXT + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("traceparent", caller.header())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(status);

    ReceivedTelemetry telemetry = receiver.telemetry();
    ReceivedSpan server =
        ReceivedSpan.only(
            telemetry.awaitTrace(caller.traceId(), ReceivedSpan::isServer), ReceivedSpan::isServer);
    String route = CONTEXT + routeInContext;
    assertThat(server.name()).isEqualTo(method + " " + route);
    assertThat(server.attributes())
        .containsEntry("http.route", route)
        .containsEntry("http.response.status_code", (long) status);
  }
}
