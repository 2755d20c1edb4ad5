package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instrumentation that fails at run time, under the built jar: a container whose request getters
 * throw, one without a Servlet 4 method, a response whose {@code getStatus()} throws, a JDBC driver
 * without {@code getMetaData()}. The application sees exactly what it sees without the agent (same
 * returns, same exceptions), each failure is logged once however often it happens, and the next
 * well-behaved request on the same thread is traced again. A request without the Servlet 4 mapping
 * method is no failure at all: the servlet module looks the method up once and traces such requests
 * without a route, as on a Servlet 3 container.
 */
class ReliabilityBrokenLibraryIT {
  private static final String APP = "example.apps.reliability.BrokenLibraryApp";
  private static final String FAILED = "WARN instrumentation failed in ";

  @Test
  @Timeout(90)
  void theApplicationSeesNoDifferenceAndEachFailureIsLoggedOnce() throws Exception {
    String withoutAgent;
    try (ManagedProcess run =
        HttpCalls.main(APP).withoutAgent().libraries("tomcat-embed-core", "h2").run()) {
      assertThat(run.exitCode()).isZero();
      withoutAgent = run.stdoutText();
    }

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess run =
            HttpCalls.main(APP)
                .libraries("tomcat-embed-core", "h2")
                .env(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "100"))
                .run()) {
      List<ReceivedSpan> servlet = spans(receiver, SpanKind.SPAN_KIND_SERVER);
      List<ReceivedSpan> jdbc = spans(receiver, SpanKind.SPAN_KIND_CLIENT);
      System.out.println(
          "broken libraries: application output identical: "
              + run.stdoutText().equals(withoutAgent)
              + "; server spans "
              + servlet.size()
              + ", database spans "
              + jdbc.size()
              + "; stderr:\n"
              + run.stderrTextWithoutJvmNotice()
              + "\napplication output:\n"
              + run.stdoutText());

      assertThat(run.exitCode()).isZero();
      assertThat(run.stdoutText()).isEqualTo(withoutAgent);
      assertThat(run.stdoutText())
          .contains("doGet 50 of 50 calls, outcomes {status 201 body 'order 7'=50}");

      // 100 broken calls, two distinct failures: two lines
      List<String> failures = run.stderrLinesContaining(FAILED);
      assertThat(failures).hasSize(2);
      assertThat(failures)
          .filteredOn(
              line -> line.contains("IllegalStateException: container broken in getAttribute"))
          .hasSize(1);
      assertThat(failures)
          .filteredOn(
              line -> line.contains("UnsupportedOperationException: response broken in getStatus"))
          .hasSize(1);
      assertThat(run.stderrWithoutJvmNotice()).as("nothing but those lines").hasSize(2);

      // well-behaved before (1), the application's own failure (1) and well-behaved after (3), and
      // the 50 calls without getHttpServletMapping(); the other broken calls make none: their span
      // could not start, or (getStatus) could not end. The hand-made requests have no mapping, so
      // no span has a route.
      assertThat(servlet)
          .hasSize(55)
          .allMatch(span -> "/orders/7".equals(span.stringAttribute("url.path")))
          .allMatch(
              span -> span.name().equals("GET") && span.stringAttribute("http.route") == null);
      assertThat(servlet).filteredOn(span -> span.stringAttribute("error.type") != null).hasSize(1);
      // a driver without metadata still gets its spans: 50 queries and the failed execute(null)
      assertThat(jdbc).hasSize(51);
    }
  }

  private static List<ReceivedSpan> spans(OtlpReceiver receiver, SpanKind kind) {
    return receiver.telemetry().spans().stream()
        .filter(span -> span.kind() == kind)
        .collect(Collectors.toList());
  }
}
