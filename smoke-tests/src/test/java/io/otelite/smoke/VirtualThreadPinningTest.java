package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.SpringBootApp;
import io.otelite.smoke.harness.RequiresJava;
import io.otelite.smoke.harness.SmallApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java 21+: the agent pins no virtual thread. A Spring Boot application with virtual threads serves
 * a concurrent load under the agent while JFR records every {@code jdk.VirtualThreadPinned} event
 * (threshold 0); no event's stack may hold agent code.
 *
 * <p>On Java 21 to 23 a virtual thread that blocks while holding a monitor ({@code synchronized})
 * pins its carrier; from Java 24 (JEP 491) it no longer does, and what still pins is blocking in a
 * native frame, in a class initialiser or while the JVM links a call site or loads a class. The
 * control run shows that these recording settings and their reading do catch a pin on the JDK at
 * hand.
 *
 * <p>The recording starts ({@code jcmd JFR.start}) after a warm-up: each path asked once, alone,
 * then one round of the same concurrent load. The first requests of a fresh JVM load and initialise
 * classes, the application's and the agent's alike, and a second virtual thread arriving while the
 * JVM does so waits pinned ("Waited for initialization of ... by another thread", or a contended
 * monitor enter in a critical section while the JVM links the class): the JVM's class loading, not
 * a lock of the agent's. Some code runs only under concurrency (the connection pool grows, and
 * submits a task the agent wraps, only when requests wait for a connection), so the warm-up is
 * concurrent too. The recorded load then shows what every later request costs.
 */
@RequiresJava(21)
class VirtualThreadPinningTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String EVENT = "jdk.VirtualThreadPinned";
  private static final List<String> PATHS =
      List.of("/api/owners/1", "/api/owners?city=London", "/owners", "/greetings/load");
  private static final List<String> AGENT_PACKAGES =
      List.of(
          "io.otelite.bootstrap.",
          "io.otelite.tooling.",
          "io.otelite.instrumentation.",
          "io.otelite.shaded.");
  private static final int CLIENTS = 16;
  private static final int REQUESTS_PER_CLIENT = 40;
  private static final int WARM_UP_REQUESTS_PER_CLIENT = 8;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aLoadOfVirtualThreadRequestsRecordsNoPinnedEventWithAgentCodeOnItsStack() throws Exception {
    Path recording = freshFile("pinning-spring-boot.jfr");
    try (OtlpReceiver receiver = OtlpReceiver.http();
        SpringBootApp app =
            SpringBootApp.named("pinning-spring-boot")
                .exportingTo(receiver)
                .arguments("--spring.threads.virtual.enabled=true")
                .start()) {
      for (String path : PATHS) {
        assertThat(app.get(path).statusCode()).as("first %s, alone", path).isEqualTo(200);
      }
      concurrentLoad(app, WARM_UP_REQUESTS_PER_CLIENT);
      app.process().jcmd("JFR.start", "name=pinning", "settings=" + pinnedThreadSettings());
      concurrentLoad(app, REQUESTS_PER_CLIENT);
      app.process().jcmd("JFR.stop", "name=pinning", "filename=" + recording);
      assertThat(receiver.telemetry().spans()).as("the load was traced").isNotEmpty();
      app.stop();
    }

    List<String> events = pinnedEvents(recording);
    System.out.println(
        "[pinning] "
            + CLIENTS * REQUESTS_PER_CLIENT
            + " virtual-thread requests under the agent: "
            + events.size()
            + " pinned events, "
            + events.stream().filter(VirtualThreadPinningTest::holdsAgentCode).count()
            + " with agent code");
    assertThat(events)
        .as("pinned events whose stack holds agent code")
        .noneMatch(VirtualThreadPinningTest::holdsAgentCode);
  }

  /** The control: a pin the application makes itself is recorded, and is not the agent's. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theRecordingCatchesAPinTheApplicationMakes() throws IOException {
    SmallApp app = SmallApp.compileWithTargetJdk("pinning", 21, List.of());
    Path recording = freshFile("pinning-control.jfr");
    try (ManagedProcess process =
        app.underAgent("pinning-control", List.of(recordingPinnedThreads(recording)), "PinningApp")
            .env("OTEL_TRACES_EXPORTER", "none")
            .env("OTEL_METRICS_EXPORTER", "none")
            .start()) {
      assertThat(process.awaitExit(WAIT)).as(process.tail()).isZero();
    }

    List<String> events = pinnedEvents(recording);
    assertThat(events)
        .as("the application's own pin, in its class initialiser")
        .anyMatch(event -> event.contains("PinningApp$SlowToInitialise.<clinit>"));
    assertThat(events).noneMatch(VirtualThreadPinningTest::holdsAgentCode);
  }

  /** Each of {@link #CLIENTS} clients asks the paths in turn, each answer must be a 200. */
  private static void concurrentLoad(SpringBootApp app, int requestsPerClient) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        done.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < requestsPerClient; i++) {
                    String path = PATHS.get(i % PATHS.size());
                    assertThat(app.get(path).statusCode()).as(path).isEqualTo(200);
                  }
                  return null;
                }));
      }
      for (Future<?> client : done) {
        client.get(3, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdown();
    }
  }

  private static String[] recordingPinnedThreads(Path recording) throws IOException {
    return new String[] {
      "-XX:StartFlightRecording=settings="
          + pinnedThreadSettings()
          + ",filename="
          + recording
          + ",dumponexit=true"
    };
  }

  /** Every pinned virtual thread, however short, with its stack. */
  private static Path pinnedThreadSettings() throws IOException {
    Path settings = Locations.moduleTarget().resolve("pinned-threads.jfc");
    Files.writeString(
        settings,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<configuration version=\"2.0\" label=\"pinned virtual threads\">\n"
            + "  <event name=\""
            + EVENT
            + "\">\n"
            + "    <setting name=\"enabled\">true</setting>\n"
            + "    <setting name=\"stackTrace\">true</setting>\n"
            + "    <setting name=\"threshold\">0 ms</setting>\n"
            + "  </event>\n"
            + "</configuration>\n",
        StandardCharsets.UTF_8);
    return settings;
  }

  /** Each event as {@code jfr print} writes it, with its whole stack. */
  private static List<String> pinnedEvents(Path recording) throws IOException {
    assertThat(recording).as("the JFR recording").isRegularFile();
    try (ManagedProcess print =
        ManagedProcess.program("jfr-print", Locations.javaHome().resolve("bin/jfr"))
            .command("print", "--events", EVENT, "--stack-depth", "200", recording.toString())
            .start()) {
      assertThat(print.awaitExit(WAIT)).as(print.tail()).isZero();
      List<String> events = new ArrayList<>();
      StringBuilder event = null;
      for (String line : print.stdout()) {
        if (line.startsWith(EVENT)) {
          if (event != null) {
            events.add(event.toString());
          }
          event = new StringBuilder();
        }
        if (event != null) {
          event.append(line).append('\n');
        }
      }
      if (event != null) {
        events.add(event.toString());
      }
      return events;
    }
  }

  /**
   * A frame of the agent's own packages (testapp's {@code io.otelite.testapp} is the application);
   * Byte Buddy runs on an application thread only inside the agent's transformer, whose frames are
   * in {@code io.otelite.tooling}.
   */
  private static boolean holdsAgentCode(String event) {
    return event
        .lines()
        .map(String::strip)
        .anyMatch(frame -> AGENT_PACKAGES.stream().anyMatch(frame::startsWith));
  }

  private static Path freshFile(String name) throws IOException {
    Path file = Locations.moduleTarget().resolve(name);
    Files.deleteIfExists(file);
    return file;
  }
}
