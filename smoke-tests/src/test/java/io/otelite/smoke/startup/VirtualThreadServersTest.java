package io.otelite.smoke.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Await;
import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.harness.SpringBootApp;
import io.otelite.harness.Traceparent;
import io.otelite.smoke.harness.RequiresJava;
import io.otelite.smoke.harness.SmallApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java 21+: a server whose requests run on virtual threads gives the same telemetry as on platform
 * threads: the same spans with the same parents, kinds, names, statuses and attributes, and the
 * same metric streams. Stock Tomcat 10.1 and 11 with the {@code StandardVirtualThreadExecutor}
 * configured in {@code server.xml} as Tomcat's documentation says, and a Spring Boot application
 * with {@code --spring.threads.virtual.enabled=true}.
 */
@RequiresJava(21)
class VirtualThreadServersTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int REQUESTS = 3;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern HTTP_CONNECTOR =
      Pattern.compile("<Connector port=\"(\\d+)\" protocol=\"HTTP/1.1\"");
  private static final List<String> METRICS =
      List.of(
          "http.server.request.duration",
          "http.client.request.duration",
          "db.client.operation.duration");

  private static SmallApp webapp;

  @BeforeAll
  static void compileWebapp() {
    Path servletApi =
        TomcatDistribution.named("otelite.tomcat10.distribution").lib().resolve("servlet-api.jar");
    webapp =
        SmallApp.compileWithTargetJdk(
            "ordersweb",
            21,
            List.of(servletApi, Locations.copiedByMaven("apps/probe-libs/h2.jar")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"otelite.tomcat10.distribution", "otelite.tomcat11.distribution"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void tomcatWithItsVirtualThreadExecutorGivesTheTelemetryOfItsThreadPool(String version)
      throws Exception {
    TomcatDistribution tomcat = TomcatDistribution.named(version).withBase(this::deployWebapp);

    Telemetry platform = runTomcat(tomcat, "platform", false);
    Telemetry virtual =
        runTomcat(tomcat.withBase(VirtualThreadServersTest::virtualExecutor), "virtual", true);

    assertThat(platform.traces()).hasSize(REQUESTS);
    assertThat(platform.traces().get(0))
        .as("one request: SERVER, its JDBC and HTTP CLIENT children, the called SERVER")
        .hasSize(4);
    assertThat(virtual.traces()).isEqualTo(platform.traces());
    assertThat(virtual.metricStreams()).isEqualTo(platform.metricStreams());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void springBootWithVirtualThreadsEnabledGivesTheTelemetryOfItsThreadPool() throws Exception {
    Telemetry platform = runSpringBoot("platform", false);
    Telemetry virtual = runSpringBoot("virtual", true);

    assertThat(platform.traces()).hasSize(REQUESTS);
    assertThat(platform.traces().get(0)).as("SERVER and JDBC spans").hasSizeGreaterThan(1);
    assertThat(virtual.traces()).isEqualTo(platform.traces());
    assertThat(virtual.metricStreams()).isEqualTo(platform.metricStreams());
  }

  private Telemetry runTomcat(TomcatDistribution tomcat, String threads, boolean virtual)
      throws Exception {
    String service = tomcat.name() + "-" + threads;
    int port = FreePorts.next();
    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            tomcat.start(Locations.agentJar(), port, List.of(), otlpTo(receiver, service))) {
      String base = "http://127.0.0.1:" + port + "/vt";
      awaitAnswer(process, base + "/ping");
      List<String> traceIds = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        Traceparent caller = Traceparent.random();
        HttpResponse<String> response = get(base + "/orders", caller);
        assertThat(response.statusCode()).as(process.tail()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("orders=true ping=200 virtual=" + virtual);
        traceIds.add(caller.traceId());
      }
      return Telemetry.of(receiver.telemetry(), service, traceIds, 4);
    }
  }

  private Telemetry runSpringBoot(String threads, boolean virtual) throws Exception {
    String service = "spring-boot3-" + threads;
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      SpringBootApp.Builder builder = SpringBootApp.named(service).exportingTo(receiver);
      if (virtual) {
        builder.arguments("--spring.threads.virtual.enabled=true");
      }
      try (SpringBootApp app = builder.start()) {
        List<String> traceIds = new ArrayList<>();
        for (String path : List.of("/api/owners/1", "/api/owners?city=London", "/greetings/vt")) {
          Traceparent caller = Traceparent.random();
          HttpResponse<String> response = get(app.baseUrl() + path, caller);
          assertThat(response.statusCode()).as(path).isEqualTo(200);
          traceIds.add(caller.traceId());
        }
        // Spring Boot names its virtual request threads tomcat-handler-N (Logback prints the last
        // 15
        // characters: omcat-handler-N), its pool's http-nio-PORT-exec-N
        String greeting =
            app.process()
                .awaitStdoutLine("the greeting's log line", l -> l.contains("greeting vt"), WAIT);
        assertThat(greeting.contains("omcat-handler-")).as(greeting).isEqualTo(virtual);
        return Telemetry.of(receiver.telemetry(), service, traceIds, 1);
      }
    }
  }

  private void deployWebapp(Path base) throws IOException {
    Path app = base.resolve("webapps/vt/WEB-INF");
    TomcatDistribution.copyTree(
        Path.of(webapp.classPath().split(java.io.File.pathSeparator)[0]), app.resolve("classes"));
    Path lib = Files.createDirectories(app.resolve("lib"));
    Files.copy(Locations.copiedByMaven("apps/probe-libs/h2.jar"), lib.resolve("h2.jar"));
  }

  /** As Tomcat's documentation configures it: a named executor, and the connector using it. */
  private static void virtualExecutor(Path base) throws IOException {
    Path serverXml = base.resolve("conf/server.xml");
    String config = Files.readString(serverXml, StandardCharsets.UTF_8);
    Matcher connector = HTTP_CONNECTOR.matcher(config);
    assertThat(connector.find()).as("the HTTP connector in %s", serverXml).isTrue();
    String executor =
        "<Executor name=\"tomcatThreadPool\" namePrefix=\"catalina-virtual-\""
            + " className=\"org.apache.catalina.core.StandardVirtualThreadExecutor\"/>\n    ";
    Files.writeString(
        serverXml,
        connector.replaceFirst(
            Matcher.quoteReplacement(executor)
                + "<Connector executor=\"tomcatThreadPool\" port=\"$1\" protocol=\"HTTP/1.1\""),
        StandardCharsets.UTF_8);
  }

  private static Map<String, String> otlpTo(OtlpReceiver receiver, String service) {
    return Map.of(
        "OTEL_SERVICE_NAME", service,
        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
        "OTEL_BSP_SCHEDULE_DELAY", "200",
        "OTEL_METRIC_EXPORT_INTERVAL", "1000",
        "OTEL_LOGS_EXPORTER", "none");
  }

  private static HttpResponse<String> get(String url, Traceparent caller) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("traceparent", caller.header())
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitAnswer(ManagedProcess process, String url) {
    Await.until(
        url + " answering 200",
        Duration.ofSeconds(120),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(process.name() + " exited\n" + process.tail());
          }
          try {
            HttpResponse<String> response =
                HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(true) : Optional.empty();
          } catch (IOException notYet) {
            return Optional.empty();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
          }
        },
        process::tail);
  }

  /**
   * What must not depend on the kind of thread: each trace as its spans' shapes, and each metric
   * stream's attributes (without ports, which differ from run to run).
   */
  record Telemetry(List<List<String>> traces, TreeSet<String> metricStreams) {

    static Telemetry of(
        ReceivedTelemetry received, String service, List<String> traceIds, int spansPerTrace) {
      List<List<String>> traces = new ArrayList<>();
      for (String traceId : traceIds) {
        List<ReceivedSpan> trace =
            Await.until(
                "trace " + traceId,
                WAIT,
                () -> {
                  List<ReceivedSpan> spans = received.trace(traceId);
                  return spans.size() >= spansPerTrace
                          && spans.stream().anyMatch(s -> s.isServer() && !hasLocalParent(s, spans))
                      ? Optional.of(spans)
                      : Optional.empty();
                },
                received::describeSpans);
        traces.add(shapes(trace));
      }
      // every request's metrics were recorded before its trace ended: the second export from now
      // was collected after that
      int exportsSoFar = received.metricRequests();
      Await.until(
          "two more metric exports from " + service,
          WAIT,
          () ->
              received.metricRequests() >= exportsSoFar + 2 ? Optional.of(true) : Optional.empty(),
          received::describeMetrics);
      TreeSet<String> streams = metricStreams(received, service);
      return new Telemetry(traces, streams);
    }

    private static boolean hasLocalParent(ReceivedSpan span, List<ReceivedSpan> trace) {
      return trace.stream().anyMatch(span::isChildOf);
    }

    /** Each span: kind, name, its parent's name (or the remote caller), status, attribute keys. */
    private static List<String> shapes(List<ReceivedSpan> trace) {
      return trace.stream()
          .map(
              span ->
                  span.kind()
                      + " '"
                      + span.name()
                      + "' parent="
                      + trace.stream()
                          .filter(span::isChildOf)
                          .map(parent -> "'" + parent.name() + "'")
                          .findFirst()
                          .orElse(span.isRoot() ? "none" : "remote")
                      + " "
                      + span.statusCode()
                      + " "
                      + new TreeSet<>(span.attributes().keySet()))
          .sorted()
          .collect(Collectors.toList());
    }

    private static TreeSet<String> metricStreams(ReceivedTelemetry received, String service) {
      TreeSet<String> streams = new TreeSet<>();
      for (String metric : METRICS) {
        for (Map<String, Object> set : received.histogramAttributeSets(service, metric)) {
          Map<String, Object> attributes = new TreeMap<>(set);
          attributes.replace("server.port", "*");
          streams.add(metric + " " + attributes);
        }
      }
      return streams;
    }
  }
}
