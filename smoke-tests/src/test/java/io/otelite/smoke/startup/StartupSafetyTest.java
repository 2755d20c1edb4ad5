package io.otelite.smoke.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.smoke.harness.FirstResponse;
import io.otelite.smoke.harness.TargetJava;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent never hangs a server's start. Real servers, launched the way their users launch them
 * (Tomcat 9, 10.1 and 11 by {@code catalina.sh run} with juli, Jetty 12 by {@code start.jar}, a
 * Spring Boot fat jar with Logback), each under the console, OTLP and Prometheus exporters with
 * runtime metrics on, with default JVM options and with options that force collections while the
 * server starts; every start three times, since a start-up deadlock depends on timing. Each start
 * must serve its first request within a bound, deliver its telemetry, and end on SIGTERM; a start
 * that does not gets a thread dump in the failure.
 *
 * <p>Every start's time to its first 200 goes to {@code target/startup-safety-java<N>.tsv}.
 *
 * <p>{@code -Dotelite.smoke.startup.starts=N} sets the starts per combination: the second run of
 * the smoke tests, on Java 25, makes one start of each (see smoke-tests/pom.xml for why).
 */
class StartupSafetyTest {
  private static final int STARTS = Integer.getInteger("otelite.smoke.startup.starts", 3);
  private static final Duration FIRST_REQUEST_BOUND = Duration.ofSeconds(120);
  private static final Duration TELEMETRY_BOUND = Duration.ofSeconds(60);
  private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);
  private static final Map<String, List<String>> JVM_OPTIONS = new LinkedHashMap<>();

  static {
    JVM_OPTIONS.put("default", List.of());
    // a 4 MB young generation collects many times while a server starts; each collection is a GC
    // notification that the agent's runtime metrics record on the JVM's notification thread
    JVM_OPTIONS.put("gc-forced", List.of("-Xmn4m", "-XX:+UseSerialGC"));
  }

  private static final AtomicInteger SERVICE_NUMBER = new AtomicInteger();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static OtlpReceiver receiver;
  private static Path summary;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = OtlpReceiver.http();
    summary =
        Locations.moduleTarget().resolve("startup-safety-java" + TargetJava.feature() + ".tsv");
    Files.writeString(
        summary,
        "server\texporter\tjvm options\tstart\tfirst 200 (ms)\tjava\n",
        StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static Stream<Arguments> startsOfEachServer() {
    List<RealServer> servers =
        List.of(
            TomcatDistribution.named("otelite.tomcat9.distribution"),
            TomcatDistribution.named("otelite.tomcat10.distribution"),
            TomcatDistribution.named("otelite.tomcat11.distribution"),
            new JettyHome(Locations.distributionVersion("otelite.jetty12.distribution")),
            new SpringBootFatJar(
                "spring-boot3",
                Locations.repoRoot()
                    .resolve("testapp-spring-boot3/target/testapp-spring-boot3.jar"),
                "/greetings/first"));
    List<Arguments> arguments = new ArrayList<>();
    for (RealServer server : servers) {
      for (String exporter : List.of("console", "otlp", "prometheus")) {
        for (String options : JVM_OPTIONS.keySet()) {
          arguments.add(Arguments.of(server, exporter, options));
        }
      }
    }
    return arguments.stream();
  }

  /** The version the root pom names; smoke-tests' surefire configuration passes it on. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("startsOfEachServer")
  void everyStartServesItsFirstRequestDeliversItsTelemetryAndStopsOnSigterm(
      RealServer server, String exporter, String options) throws Exception {
    for (int start = 1; start <= STARTS; start++) {
      Duration firstRequest = startServeAndStop(server, exporter, JVM_OPTIONS.get(options));
      Files.writeString(
          summary,
          String.join(
                  "\t",
                  server.name(),
                  exporter,
                  options,
                  String.valueOf(start),
                  String.valueOf(firstRequest.toMillis()),
                  Locations.javaHome().getFileName().toString())
              + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
  }

  private Duration startServeAndStop(RealServer server, String exporter, List<String> jvmOptions)
      throws Exception {
    int port = FreePorts.next();
    int prometheusPort = FreePorts.next();
    String serviceName = "startup-safety-" + SERVICE_NUMBER.incrementAndGet();
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("OTEL_SERVICE_NAME", serviceName);
    environment.put("OTEL_TRACES_EXPORTER", exporter.equals("prometheus") ? "console" : exporter);
    environment.put("OTEL_METRICS_EXPORTER", exporter);
    environment.put("OTEL_LOGS_EXPORTER", "none");
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
    environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    environment.put("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1");
    environment.put("OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(prometheusPort));

    long started = System.nanoTime();
    try (ManagedProcess process =
        server.start(Locations.agentJar(), port, jvmOptions, environment)) {
      String url = "http://127.0.0.1:" + port + server.firstRequestPath();
      FirstResponse.await200(process, url, FIRST_REQUEST_BOUND);
      Duration firstRequest = Duration.ofNanos(System.nanoTime() - started);

      switch (exporter) {
        case "console":
          process.awaitStdoutLine(
              "the first request's SERVER span",
              line -> line.startsWith("otelite span '") && line.contains(" SERVER "),
              TELEMETRY_BOUND);
          break;
        case "otlp":
          receiver
              .telemetry()
              .awaitSpan(
                  "the first request's SERVER span from " + serviceName,
                  span -> span.serviceName().equals(serviceName) && span.isServer());
          receiver.telemetry().awaitMetric(serviceName, "jvm.memory.used");
          break;
        default:
          awaitScrape(
              process,
              prometheusPort,
              "jvm_memory_used_bytes",
              "http_server_request_duration_seconds_count");
      }

      assertThat(process.terminate(SHUTDOWN_BOUND))
          .as(
              "%s still runs %s s after SIGTERM\n%s\n%s",
              server.name(), SHUTDOWN_BOUND.toSeconds(), process.tail(), process.threadDump())
          .isTrue();
      assertThat(process.stderr())
          .as("the agent's warnings")
          .noneMatch(line -> line.contains("[otelite] WARN"));
      return firstRequest;
    }
  }

  private static void awaitScrape(ManagedProcess process, int port, String... series)
      throws InterruptedException {
    long deadline = System.nanoTime() + TELEMETRY_BOUND.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = response.body();
        if (response.statusCode() == 200 && Stream.of(series).allMatch(last::contains)) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no "
            + String.join(", ", series)
            + " on the Prometheus endpoint within "
            + TELEMETRY_BOUND.toSeconds()
            + " s; last answer: "
            + last
            + "\n"
            + process.tail()
            + "\n--- thread dump\n"
            + process.threadDump());
  }
}
