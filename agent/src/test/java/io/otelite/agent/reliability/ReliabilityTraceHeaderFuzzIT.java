package io.otelite.agent.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.Traceparent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed, oversized and hostile {@code traceparent}, {@code tracestate} and {@code baggage}
 * headers, sent raw (bytes as given, control characters included) to a servlet application with and
 * without the agent: every request gets the same status as without the agent, the server span
 * continues exactly the parents the W3C specification accepts (see {@link Traceparent}) and starts
 * a new trace for everything else, and the agent prints nothing.
 */
class ReliabilityTraceHeaderFuzzIT {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String VALID = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
  private static final int RANDOM_TRACEPARENTS = 200;
  private static final int RANDOM_LISTS = 40;

  /** One request: its headers, in order (a name may repeat). */
  record Case(String description, List<String[]> headers) {
    List<String> values(String name) {
      return headers.stream()
          .filter(h -> h[0].equalsIgnoreCase(name))
          .map(h -> h[1])
          .collect(Collectors.toList());
    }
  }

  @Test
  @Timeout(120)
  void everyHostileHeaderIsServedAsWithoutTheAgentAndOnlyValidParentsAreContinued()
      throws Exception {
    List<Case> cases = cases();
    List<Integer> statusWithout;
    List<String> stderrWithout;
    try (ServletAppRun app = ServletAppRun.start(false, Map.of())) {
      statusWithout = sendAll(app.port, cases);
      stderrWithout = app.run.stderrWithoutJvmNotice();
    }

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ServletAppRun app =
            ServletAppRun.start(
                true,
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "OTEL_METRICS_EXPORTER", "none",
                    "OTEL_BSP_SCHEDULE_DELAY", "100",
                    "OTEL_BSP_MAX_QUEUE_SIZE", "10000"))) {
      List<Integer> statusWith = sendAll(app.port, cases);
      // spans leave in the order they end: once the last request's span is in, every earlier one is
      // too
      assertThat(send(app.port, "/echo/last", List.of())).isEqualTo(200);
      receiver
          .telemetry()
          .awaitSpan(
              "the span",
              span -> "/echo/last".equals(span.stringAttribute("url.path")),
              Duration.ofSeconds(30));
      List<ReceivedSpan> spans = receiver.telemetry().spans();

      long served = statusWith.stream().filter(status -> status == 200).count();
      long refusedByTomcat = statusWith.stream().filter(status -> status == 400).count();
      long continued = 0;
      for (int i = 0; i < cases.size(); i++) {
        Case testCase = cases.get(i);
        assertThat(statusWith.get(i))
            .as("status of %s", testCase.description)
            .isEqualTo(statusWithout.get(i));
        if (statusWith.get(i) == 200) {
          continued += checkSpan(testCase, serverSpansOf(spans, i)) ? 1 : 0;
        }
      }
      System.out.println(
          "trace header fuzzing: "
              + cases.size()
              + " cases, "
              + served
              + " served (200), "
              + refusedByTomcat
              + " refused by Tomcat (400) with and without the agent, "
              + continued
              + " continued a valid parent, the others new traces (or none, for unsampled parents)");
      List<String> stderrWith = app.run.stderrWithoutJvmNotice();
      assertThat(stderrWith).noneMatch(line -> line.contains("otelite"));
      assertThat(stderrWith)
          .as("stderr with the agent, beyond what the application prints alone")
          .isSubsetOf(stderrWithout);
    }
  }

  /** Asserts what the server span of one served case must be; true when it continued a parent. */
  private static boolean checkSpan(Case testCase, List<ReceivedSpan> spans) {
    List<String> traceparents = testCase.values("traceparent");
    if (traceparents.size() > 1) {
      // the specification does not say which of several to take; any valid one, or a new trace, is
      // fine
      assertThat(spans).as("server span of %s", testCase.description).hasSize(1);
      ReceivedSpan span = spans.get(0);
      List<Optional<Traceparent>> parents =
          traceparents.stream().map(Traceparent::parse).collect(Collectors.toList());
      boolean continuedOne =
          parents.stream()
              .flatMap(Optional::stream)
              .anyMatch(
                  p ->
                      p.traceId().equals(span.traceId()) && p.spanId().equals(span.parentSpanId()));
      assertThat(span.isRoot() || continuedOne)
          .as("span of %s: %s", testCase.description, span)
          .isTrue();
      return continuedOne;
    }
    Optional<Traceparent> parent =
        traceparents.isEmpty() ? Optional.empty() : Traceparent.parse(traceparents.get(0));
    if (parent.isPresent() && !parent.get().sampled()) {
      assertThat(spans)
          .as("an unsampled parent is followed: no span for %s", testCase.description)
          .isEmpty();
      return true;
    }
    assertThat(spans).as("server span of %s", testCase.description).hasSize(1);
    ReceivedSpan span = spans.get(0);
    if (parent.isPresent()) {
      assertThat(span.traceId())
          .as("trace of %s", testCase.description)
          .isEqualTo(parent.get().traceId());
      assertThat(span.parentSpanId())
          .as("parent of %s", testCase.description)
          .isEqualTo(parent.get().spanId());
      return true;
    }
    assertThat(span.isRoot()).as("%s starts a new trace: %s", testCase.description, span).isTrue();
    assertThat(span.traceId()).isNotEqualTo("0".repeat(32));
    return false;
  }

  private static List<ReceivedSpan> serverSpansOf(List<ReceivedSpan> spans, int caseIndex) {
    String path = "/echo/" + caseIndex;
    return spans.stream()
        .filter(
            span ->
                span.kind() == SpanKind.SPAN_KIND_SERVER
                    && path.equals(span.stringAttribute("url.path")))
        .collect(Collectors.toList());
  }

  private static List<Integer> sendAll(int port, List<Case> cases) throws IOException {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      statuses.add(send(port, "/echo/" + i, cases.get(i).headers));
    }
    return statuses;
  }

  /**
   * One request on its own connection, header bytes exactly as given (ISO-8859-1); the response
   * status.
   */
  private static int send(int port, String path, List<String[]> headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request =
          new StringBuilder(
              "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      for (String[] header : headers) {
        request.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(ISO_8859_1));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
      if (!response.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("no HTTP response to " + path + ": " + response);
      }
      return Integer.parseInt(response.substring(9, 12));
    }
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String hex8k = "abcdef0123456789".repeat(512);
    String t = TRACE_ID;
    String s = SPAN_ID;

    // traceparent alone
    for (String value :
        List.of(
            VALID,
            "00-" + t + "-" + s + "-00",
            "00-" + t + "-" + s + "-ff",
            "00-" + t.substring(1) + "-" + s + "-01",
            "00-" + t + "a-" + s + "-01",
            "00-" + t + "-" + s.substring(1) + "-01",
            "00-" + t + "-" + s + "a-01",
            "00-" + t + "-" + s + "-1",
            "00-" + t + "-" + s + "-011",
            VALID.substring(0, 54),
            VALID + "-",
            VALID + "-extra",
            "01-" + t + "-" + s + "-01",
            "01-" + t + "-" + s + "-01-what-the-future-holds",
            "01-" + t + "-" + s + "-01x",
            "cc-" + t + "-" + s + "-01-" + hex8k,
            "ff-" + t + "-" + s + "-01",
            "0A-" + t + "-" + s + "-01",
            "0g-" + t + "-" + s + "-01",
            "000-" + t + "-" + s + "-01",
            "00-" + t.replace('b', 'g') + "-" + s + "-01",
            "00-" + t.toUpperCase() + "-" + s + "-01",
            "00-" + t + "-" + s.toUpperCase() + "-01",
            "00-" + t + "-" + s + "-0x",
            "00-" + "0".repeat(32) + "-" + s + "-01",
            "00-" + t + "-" + "0".repeat(16) + "-01",
            "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-00",
            "00_" + t + "_" + s + "_01",
            "00-" + t + "-" + s + "_01",
            "00" + t + s + "01",
            "",
            "-",
            "---",
            "00---",
            VALID + "-" + hex8k,
            "x".repeat(8192),
            hex8k,
            "00-" + hex8k,
            VALID.substring(0, 10) + "\u0001" + VALID.substring(11),
            VALID.substring(0, 54) + "\u0000",
            VALID.substring(0, 20) + "\u007f" + VALID.substring(21),
            VALID.substring(0, 30) + "\t" + VALID.substring(31),
            VALID + "\t",
            "\t" + VALID,
            VALID.substring(0, 5) + "\u00e9" + VALID.substring(6),
            VALID.substring(0, 5) + "\u00ff" + VALID.substring(6),
            "00-" + t + "-" + s + "-01,00-" + t + "-" + s + "-01",
            "00-" + t + "-" + s + "-01;00-" + t + "-" + s + "-01")) {
      cases.add(
          new Case(
              "traceparent [" + printable(value) + "]", headers(header("traceparent", value))));
    }
    String otherValid = "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01";
    cases.add(
        new Case(
            "two valid traceparent headers",
            headers(header("traceparent", VALID), header("traceparent", otherValid))));
    cases.add(
        new Case(
            "garbage, then a valid traceparent",
            headers(header("traceparent", "garbage"), header("traceparent", VALID))));
    cases.add(
        new Case(
            "a valid, then a garbage traceparent",
            headers(header("traceparent", VALID), header("traceparent", "garbage"))));

    // tracestate and baggage next to a valid traceparent: whatever they hold, the parent stands
    List<String> lists =
        List.of(
            "k=" + "v".repeat(8192),
            IntStream.range(0, 5000)
                .mapToObj(i -> "k" + i + "=v" + i)
                .collect(Collectors.joining(",")),
            IntStream.range(0, 33).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(",")),
            "=,=,=",
            ",,,,,,,,",
            "a=1,a=2",
            "K=v",
            "x@y=z",
            "k=v with spaces",
            "k=v\u0001",
            "k=\u00e9\u00ff",
            "%zz=%zz",
            ";;;",
            "k=v;p=%",
            "=v",
            "k=",
            "k=v,".repeat(3000),
            "k=v;" + "p".repeat(8192),
            "\t");
    for (String value : lists) {
      cases.add(
          new Case(
              "tracestate [" + printable(value) + "]",
              headers(header("traceparent", VALID), header("tracestate", value))));
      cases.add(
          new Case(
              "baggage [" + printable(value) + "]",
              headers(header("traceparent", VALID), header("baggage", value))));
    }
    cases.add(new Case("tracestate alone", headers(header("tracestate", "k=v"))));
    cases.add(new Case("baggage alone", headers(header("baggage", "k=v"))));
    cases.add(
        new Case(
            "hostile baggage and tracestate with a hostile traceparent",
            headers(
                header("traceparent", "ff-" + hex8k),
                header("tracestate", "=,=".repeat(2000)),
                header("baggage", "%%%".repeat(2000)))));

    Random random = new Random(8);
    for (int i = 0; i < RANDOM_TRACEPARENTS; i++) {
      String value = mutate(VALID, random);
      cases.add(
          new Case(
              "random traceparent [" + printable(value) + "]",
              headers(header("traceparent", value))));
    }
    for (int i = 0; i < RANDOM_LISTS; i++) {
      String name = i % 2 == 0 ? "tracestate" : "baggage";
      String value = randomList(random);
      cases.add(
          new Case(
              "random " + name + " [" + printable(value) + "]",
              headers(header("traceparent", VALID), header(name, value))));
    }
    return cases;
  }

  /**
   * One to three random edits of a valid value: a changed, removed or added character, a cut, or a
   * new version.
   */
  private static String mutate(String value, Random random) {
    String alphabet = "0123456789abcdefABCDEFgz-_ .,;\u0001\u007f\u00e9";
    StringBuilder text = new StringBuilder(value);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(6)) {
        case 0 -> {
          if (text.length() > 0) {
            text.setCharAt(at, c);
          }
        }
        case 1 -> {
          if (text.length() > 0) {
            text.deleteCharAt(at);
          }
        }
        case 2 -> text.insert(at, c);
        case 3 -> text.setLength(at);
        case 4 ->
            text.replace(
                0,
                Math.min(2, text.length()),
                List.of("00", "01", "cc", "fe", "ff", "0A").get(random.nextInt(6)));
        default ->
            text.append(random.nextBoolean() ? "-" : "").append("ab".repeat(random.nextInt(40)));
      }
    }
    return text.toString();
  }

  private static String randomList(Random random) {
    String alphabet = "abcxyz0189=,;%@*/ -_\t\u0001\u00e9";
    int length = random.nextInt(10) == 0 ? 8000 + random.nextInt(4000) : random.nextInt(200);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static List<String[]> headers(String[]... headers) {
    return List.of(headers);
  }

  private static String[] header(String name, String value) {
    return new String[] {name, value};
  }

  /** For failure messages: control characters spelled out, long values cut. */
  private static String printable(String value) {
    StringBuilder text = new StringBuilder();
    for (char c : value.toCharArray()) {
      text.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return text.length() > 80
        ? text.substring(0, 80) + "... (" + value.length() + " chars)"
        : text.toString();
  }
}
