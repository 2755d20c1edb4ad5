package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 clients at once against a servlet application under the agent, in three rounds of 5 s: every
 * request succeeds, every span belongs to its own request (a context left behind on a pooled Tomcat
 * thread, or handed to the wrong request, would give some request two database spans and another
 * none), and what the agent retains does not grow from round to round.
 */
class ReliabilityConcurrencyIT {
  private static final int CLIENTS = 64;
  private static final int ROUNDS = 3;
  private static final long ROUND_MILLIS = 5000;
  // a leak of one object per request would show as thousands of instances; spans still queued or a
  // metric stream added between snapshots are a few hundred at most
  private static final long GROWTH_LIMIT_INSTANCES = 500;
  private static final long GROWTH_LIMIT_BYTES = 1024 * 1024;

  @Test
  @Timeout(150)
  void sixtyFourClientsEachGetTheirOwnTraceAndTheAgentRetainsNothingPerRequest() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (OtlpReceiver receiver = OtlpReceiver.http();
        ServletAppRun app =
            ServletAppRun.start(
                true,
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "OTEL_METRICS_EXPORTER", "none",
                    "OTEL_BSP_SCHEDULE_DELAY", "100",
                    // nothing may be dropped: every request's spans are checked
                    "OTEL_BSP_MAX_QUEUE_SIZE", "200000",
                    "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "2048"),
                "-Xmx512m")) {
      Set<String> served = ConcurrentHashMap.newKeySet();
      List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<ClassHistogram> histograms = new ArrayList<>();
      List<Integer> servedPerRound = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        int before = served.size();
        load(http, app.baseUrl(), "r" + round, served, errors, ROUND_MILLIS);
        // Weakly keyed agent state (statements, in-flight calls) drops the entries of collected
        // keys
        // on its next use, as WeakHashMap does: a full GC and then one more request, so that the
        // histogram counts what the agent retains, not what it has yet to drop.
        ClassHistogram.fullGc(app.run);
        load(http, app.baseUrl(), "r" + round + "settle", served, errors, 1);
        servedPerRound.add(served.size() - before);
        // every request's spans arrived: nothing of this round is still queued in the agent. Each
        // kind is awaited: a
        // client span that completes on the HTTP client's own thread can end a moment after its
        // request's server span.
        for (Predicate<ReceivedSpan> eachRequestHasOne :
            List.<Predicate<ReceivedSpan>>of(
                span -> isServer(span, "/work/"),
                span -> isServer(span, "/leaf/"),
                span -> span.stringAttribute("url.full") != null,
                span -> span.stringAttribute("db.system.name") != null)) {
          receiver
              .telemetry()
              .awaitSpans(
                  "one per request served",
                  eachRequestHasOne,
                  served.size(),
                  Duration.ofSeconds(60));
        }
        histograms.add(ClassHistogram.of(app.run));
      }

      List<ReceivedSpan> spans = receiver.telemetry().spans();
      ClassHistogram first = histograms.get(0);
      ClassHistogram last = histograms.get(ROUNDS - 1);
      Map<String, Long> grown = last.agentClassesGrownSince(first, GROWTH_LIMIT_INSTANCES);
      System.out.println(
          "64 clients: served per round "
              + servedPerRound
              + ", errors "
              + errors.size()
              + ", spans received "
              + spans.size()
              + "; after full GC, agent classes (instances/bytes) after round 1: "
              + first.agentInstances()
              + "/"
              + first.agentBytes()
              + ", after round "
              + ROUNDS
              + ": "
              + last.agentInstances()
              + "/"
              + last.agentBytes()
              + "; whole heap "
              + first.totalBytes()
              + " -> "
              + last.totalBytes()
              + " bytes; agent classes grown by >= "
              + GROWTH_LIMIT_INSTANCES
              + ": "
              + grown);

      assertThat(errors).isEmpty();
      assertThat(servedPerRound).allMatch(count -> count > CLIENTS);
      assertEveryRequestHasExactlyItsOwnSpans(spans, served);
      assertThat(grown).isEmpty();
      assertThat(last.agentBytes() - first.agentBytes()).isLessThan(GROWTH_LIMIT_BYTES);
      assertThat(app.run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  /**
   * {@link #CLIENTS} clients sending requests for {@code millis}, at least one each; ids unique.
   */
  private static void load(
      HttpClient http,
      String baseUrl,
      String idPrefix,
      Set<String> served,
      List<String> errors,
      long millis)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long deadline = System.currentTimeMillis() + millis;
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        String prefix = idPrefix + "c" + client + "n";
        running.add(
            clients.submit(
                () -> {
                  for (int n = 0; n == 0 || System.currentTimeMillis() < deadline; n++) {
                    String id = prefix + n;
                    try {
                      HttpResponse<String> response =
                          http.send(
                              HttpRequest.newBuilder(URI.create(baseUrl + "/work/" + id))
                                  .timeout(Duration.ofSeconds(30))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() == 200 && response.body().equals("ok " + id)) {
                        served.add(id);
                      } else {
                        errors.add(id + ": " + response.statusCode() + " " + response.body());
                      }
                    } catch (Exception e) {
                      errors.add(id + ": " + e);
                    }
                  }
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Per request id: one SERVER span for {@code /work/id}, a root (the clients send no trace
   * headers); under it exactly one database span and exactly one HTTP client span, to {@code
   * /leaf/id}; under that client span the SERVER span of {@code /leaf/id}. And no CLIENT span
   * anywhere whose parent is not its own request's span.
   */
  private static void assertEveryRequestHasExactlyItsOwnSpans(
      List<ReceivedSpan> spans, Set<String> served) {
    Map<String, ReceivedSpan> bySpanId =
        spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity()));
    Map<String, List<ReceivedSpan>> childrenByParent =
        spans.stream()
            .filter(span -> !span.isRoot())
            .collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
    Map<String, ReceivedSpan> workServerById =
        spans.stream()
            .filter(span -> isServer(span, "/work/"))
            .collect(
                Collectors.toMap(
                    span -> idOf(span.stringAttribute("url.path")), Function.identity()));
    assertThat(workServerById.keySet()).containsExactlyInAnyOrderElementsOf(served);

    AtomicInteger checked = new AtomicInteger();
    workServerById.forEach(
        (id, server) -> {
          assertThat(server.isRoot()).as("request %s starts its own trace", id).isTrue();
          List<ReceivedSpan> children = childrenByParent.getOrDefault(server.spanId(), List.of());
          assertThat(children).as("children of request %s", id).hasSize(2);
          assertThat(children)
              .filteredOn(span -> span.stringAttribute("db.system.name") != null)
              .as("database span of %s", id)
              .hasSize(1);
          List<ReceivedSpan> calls =
              children.stream()
                  .filter(span -> span.stringAttribute("url.full") != null)
                  .collect(Collectors.toList());
          assertThat(calls).as("HTTP client span of %s", id).hasSize(1);
          ReceivedSpan call = calls.get(0);
          assertThat(call.stringAttribute("url.full")).endsWith("/leaf/" + id);
          assertThat(call.traceId()).isEqualTo(server.traceId());
          List<ReceivedSpan> leaf = childrenByParent.getOrDefault(call.spanId(), List.of());
          assertThat(leaf).as("server span of /leaf/%s", id).hasSize(1);
          assertThat(leaf.get(0).stringAttribute("url.path")).isEqualTo("/leaf/" + id);
          checked.incrementAndGet();
        });
    List<ReceivedSpan> rootClientSpans =
        spans.stream()
            .filter(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span.isRoot())
            .collect(Collectors.toList());
    assertThat(rootClientSpans)
        .as(
            "the application's two set-up statements, before any request, are the only CLIENT spans outside a request")
        .extracting(span -> span.stringAttribute("db.operation.name"))
        .containsExactlyInAnyOrder("CREATE", "INSERT");
    for (ReceivedSpan span : spans) {
      if (span.kind() == SpanKind.SPAN_KIND_CLIENT && !span.isRoot()) {
        ReceivedSpan parent = bySpanId.get(span.parentSpanId());
        assertThat(parent).as("parent of %s", span).isNotNull();
        assertThat(isServer(parent, "/work/")).as("parent of %s is a /work request", span).isTrue();
        assertThat(span.traceId()).isEqualTo(parent.traceId());
      }
    }
    assertThat(checked.get()).isEqualTo(served.size());
  }

  private static boolean isServer(ReceivedSpan span, String pathPrefix) {
    String path = span.stringAttribute("url.path");
    return span.kind() == SpanKind.SPAN_KIND_SERVER && path != null && path.startsWith(pathPrefix);
  }

  private static String idOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
