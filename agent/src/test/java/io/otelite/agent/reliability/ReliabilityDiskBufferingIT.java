package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.FreePorts;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code OTEL_JAVAAGENT_DISK_BUFFERING_DIR}, spans made while the collector is down wait on
 * disk and arrive exactly once when it is back, also when the application exits before that and a
 * second run sends them. Every span the agent made is known: in debug mode the agent also prints
 * each one, with its id, to stderr; the collector's bodies are decoded to span ids and the two sets
 * compared.
 */
class ReliabilityDiskBufferingIT {
  private static final Pattern DEBUG_SPAN =
      Pattern.compile("otelite span '.*?' \\w+ trace=\\w+ span=(\\w+) ");
  private static final long COLLECTOR_DOWN_MILLIS = 5000;
  private static final Pattern DROPPED_METRIC =
      Pattern.compile(
          "otelite metric otelite\\.exporter\\.disk_buffer\\.dropped_spans unit=\\{span\\} long_sum \\{\\}"
              + " value=(\\d+)");

  @TempDir Path buffer;

  @Test
  void spansMadeUnderLoadWhileTheCollectorIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
    Outage outage =
        runThroughOutage(Map.of("OTEL_JAVAAGENT_DISK_BUFFERING_DIR", buffer.toString()));

    System.out.println(
        "disk buffering on: "
            + outage.created.size()
            + " spans made, "
            + outage.createdWhileDown
            + " of them while the collector was down; "
            + outage.received.size()
            + " received, "
            + outage.lost()
            + " lost, "
            + outage.duplicates()
            + " duplicates");
    assertThat(outage.createdWhileDown).isGreaterThan(500);
    assertThat(outage.duplicates()).isZero();
    assertThat(Set.copyOf(outage.received)).isEqualTo(outage.created);
    assertThat(batchFiles(buffer)).as("everything sent, nothing left behind").isEmpty();
  }

  @Test
  void withoutDiskBufferingTheSameOutageLosesSpans() throws Exception {
    Outage outage = runThroughOutage(Map.of());

    System.out.println(
        "disk buffering off: "
            + outage.created.size()
            + " spans made, "
            + outage.createdWhileDown
            + " of them while the collector was down; "
            + outage.received.size()
            + " received, "
            + outage.lost()
            + " lost, "
            + outage.duplicates()
            + " duplicates");
    assertThat(outage.duplicates()).isZero();
    assertThat(outage.lost()).as("what disk buffering is for").isPositive();
  }

  @Test
  void spansOfARunThatEndedWhileTheCollectorWasDownAreSentByTheNextRun() throws Exception {
    int port = FreePorts.next();
    Map<String, String> environment =
        environment(
            "http://127.0.0.1:" + port,
            Map.of("OTEL_JAVAAGENT_DISK_BUFFERING_DIR", buffer.toString()));
    Set<String> created;
    try (ManagedProcess first = HttpCalls.underAgent(environment, "calls=300", "threads=2").run()) {
      assertThat(first.exitCode()).isZero();
      created = createdSpanIds(first);
    }
    assertThat(created).hasSizeGreaterThanOrEqualTo(300);
    assertThat(batchFiles(buffer)).as("the first run's spans wait on disk").isNotEmpty();

    try (OtlpReceiver collector = OtlpReceiver.options().onPort(port).startHttp();
        ManagedProcess second =
            HttpCalls.underAgent(environment, "calls=0", "afterMillis=3000").run()) {
      assertThat(second.exitCode()).isZero();
      List<String> received = receivedSpanIds(collector);
      System.out.println(
          "restart: first run made "
              + created.size()
              + " spans with the collector down, the second run sent "
              + received.size());
      assertThat(received).doesNotHaveDuplicates();
      assertThat(Set.copyOf(received)).isEqualTo(created);
      assertThat(batchFiles(buffer)).isEmpty();
    }
  }

  @Test
  void aShortLivedProgramsSpansReachAHealthyCollectorAtExit() throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.http()) {
      Map<String, String> environment =
          environment(
              collector.endpoint(), Map.of("OTEL_JAVAAGENT_DISK_BUFFERING_DIR", buffer.toString()));
      // no scheduled export before exit: only the shutdown flush and the buffer's drain can send
      // them
      environment.put("OTEL_BSP_SCHEDULE_DELAY", "60000");
      try (ManagedProcess run = HttpCalls.underAgent(environment, "calls=10").run()) {
        assertThat(run.exitCode()).isZero();
        assertThat(receivedSpanIds(collector))
            .doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(createdSpanIds(run));
        assertThat(batchFiles(buffer)).isEmpty();
      }
    }
  }

  @Test
  void aCollectorThatNeverAnswersDelaysExitNoLongerThanTheShutdownTimeout() throws Exception {
    try (OtlpReceiver hung =
        OtlpReceiver.options().answeringAfter(Duration.ofMillis(120_000)).startHttp()) {
      Map<String, String> environment =
          environment(
              hung.endpoint(),
              Map.of(
                  "OTEL_JAVAAGENT_DISK_BUFFERING_DIR",
                  buffer.toString(),
                  "OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT",
                  "2s"));
      try (ManagedProcess run = HttpCalls.underAgent(environment, "calls=20", "end=exit").run()) {
        Matcher doneAt = Pattern.compile("application done at (\\d+)").matcher(run.stdoutText());
        assertThat(doneAt.find()).isTrue();
        long exitMillis = run.exitedAtMillis() - Long.parseLong(doneAt.group(1));
        System.out.println(
            "System.exit with disk buffering and a hung collector took " + exitMillis + " ms");
        assertThat(run.exitCode()).isZero();
        assertThat(hung.posts())
            .as("the stored batch reached the collector and hung there")
            .isNotEmpty();
        // the same slack as ReliabilityShutdownIT: JVM teardown on a loaded machine
        assertThat(exitMillis).isLessThan(2000 + 2500);
        assertThat(batchFiles(buffer))
            .as("the unanswered batch stays for the next run")
            .isNotEmpty();
      }
    }
  }

  @Test
  void aFullDirectoryDropsNewSpansAndCountsThem() throws Exception {
    Map<String, String> environment =
        new HashMap<>(environment(OtlpReceiver.deadEndpoint(), Map.of()));
    environment.put("OTEL_JAVAAGENT_DISK_BUFFERING_DIR", buffer.toString());
    environment.put("OTEL_JAVAAGENT_DISK_BUFFERING_MAX_SIZE", "64KB");
    environment.put("OTEL_METRICS_EXPORTER", "console");
    environment.put("OTEL_METRIC_EXPORT_INTERVAL", "300");
    environment.put("OTEL_JAVAAGENT_DEBUG", "false");

    try (ManagedProcess run =
        HttpCalls.underAgent(environment, "calls=1500", "afterMillis=1000").run()) {
      assertThat(run.exitCode()).isZero();
      Matcher metric = DROPPED_METRIC.matcher(run.stdoutText());
      long dropped = -1;
      while (metric.find()) {
        dropped = Long.parseLong(metric.group(1));
      }
      long stored = batchFiles(buffer).stream().mapToLong(file -> file.toFile().length()).sum();
      System.out.println(
          "a 64 KB buffer: "
              + stored
              + " bytes stored, "
              + dropped
              + " of 1500 spans dropped and counted");
      assertThat(stored).isPositive().isLessThanOrEqualTo(64 * 1024);
      assertThat(dropped).isPositive().isLessThan(1500);
      assertThat(run.stderrLinesContaining("WARN the disk buffer")).hasSize(1);
    }
  }

  /**
   * The application calls for 9 s under load; the collector comes up 5 s after its first span (not
   * after the JVM's start: on a busy machine the agent alone may take longer than that to start).
   */
  private Outage runThroughOutage(Map<String, String> extra) throws Exception {
    int port = FreePorts.next();
    Map<String, String> environment = environment("http://127.0.0.1:" + port, extra);
    try (ManagedProcess run =
        HttpCalls.underAgent(
                environment, "durationMillis=9000", "threads=4", "afterMillis=4000", "end=exit")
            .start()) {
      awaitFirstSpan(run);
      Thread.sleep(COLLECTOR_DOWN_MILLIS);
      int createdWhileDown =
          DEBUG_SPAN.matcher(run.stderrTextWithoutJvmNotice()).results().mapToInt(m -> 1).sum();
      try (OtlpReceiver collector = OtlpReceiver.options().onPort(port).startHttp()) {
        run.awaitExit(Duration.ofSeconds(60));
        assertThat(run.exitCode()).isZero();
        assertThat(HttpCalls.failedCalls(run)).isZero();
        return new Outage(createdSpanIds(run), createdWhileDown, receivedSpanIds(collector));
      }
    }
  }

  private static void awaitFirstSpan(ManagedProcess run) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!DEBUG_SPAN.matcher(run.stderrTextWithoutJvmNotice()).find()) {
      assertThat(run.isAlive())
          .as("the application is running; stderr:\n" + run.stderrTextWithoutJvmNotice())
          .isTrue();
      assertThat(System.currentTimeMillis()).as("a first span within 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static Map<String, String> environment(String endpoint, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    environment.put("OTEL_METRICS_EXPORTER", "none");
    environment.put("OTEL_LOGS_EXPORTER", "none");
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    environment.put("OTEL_JAVAAGENT_SHUTDOWN_TIMEOUT", "3s");
    // prints every span the agent makes, with its id, to stderr
    environment.put("OTEL_JAVAAGENT_DEBUG", "true");
    environment.putAll(extra);
    return environment;
  }

  private static Set<String> createdSpanIds(ManagedProcess run) {
    Set<String> ids = new HashSet<>();
    Matcher matcher = DEBUG_SPAN.matcher(run.stderrTextWithoutJvmNotice());
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static List<String> receivedSpanIds(OtlpReceiver collector) {
    return collector.posts().stream()
        .filter(post -> post.path().equals("/v1/traces") && post.status() == 200)
        .flatMap(post -> post.spanIds().stream())
        .collect(Collectors.toList());
  }

  private static List<Path> batchFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }

  private static final class Outage {
    final Set<String> created;
    final int createdWhileDown;
    final List<String> received;

    Outage(Set<String> created, int createdWhileDown, List<String> received) {
      this.created = created;
      this.createdWhileDown = createdWhileDown;
      this.received = received;
    }

    long lost() {
      return created.stream().filter(id -> !received.contains(id)).count();
    }

    long duplicates() {
      return received.size() - new HashSet<>(received).size();
    }
  }
}
