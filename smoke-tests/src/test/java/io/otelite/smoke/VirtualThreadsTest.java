package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Await;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.smoke.harness.RequiresJava;
import io.otelite.smoke.harness.SmallApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java 21+: work started on a virtual thread, in each way the JDK offers, runs with the context of
 * the thread that started it (src/test/apps/virtualthreads).
 */
@RequiresJava(21)
class VirtualThreadsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> APIS =
      List.of(
          "newVirtualThreadPerTaskExecutor",
          "newVirtualThreadPerTaskExecutor.execute",
          "Thread.ofVirtual().start",
          "Thread.startVirtualThread",
          "Thread.ofVirtual().factory()",
          "newThreadPerTaskExecutor(virtual factory)",
          "pool");

  private static SmallApp app;

  @BeforeAll
  static void compile() {
    app = SmallApp.compileWithTargetJdk("virtualthreads", 21, applicationApi());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void eachVirtualThreadTaskIsAChildOfTheSpanItWasStartedIn() {
    List<ReceivedSpan> spans = run("virtual-threads", "true");

    for (String api : APIS) {
      ReceivedSpan submit = only(spans, "submit " + api);
      ReceivedSpan task = only(spans, "task " + api);
      assertThat(task.isChildOf(submit)).as("%s: %s", api, spans).isTrue();
    }
    // the pool's virtual worker was made inside "submit pool", and ran this task after it
    assertThat(only(spans, "task after pool").isRoot()).as(spans.toString()).isTrue();
  }

  /** The control: without the executors instrumentation, every task span starts a trace. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void withoutTheExecutorsInstrumentationTheTasksLoseTheirParent() {
    List<ReceivedSpan> spans = run("virtual-threads-off", "false");

    for (String api : APIS) {
      assertThat(only(spans, "task " + api).isRoot()).as("%s: %s", api, spans).isTrue();
    }
  }

  private static List<ReceivedSpan> run(String serviceName, String executorsEnabled) {
    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent(serviceName, "VirtualThreadsApp")
                .exportingTo(receiver)
                .env("OTEL_METRICS_EXPORTER", "none")
                .env("OTEL_INSTRUMENTATION_EXECUTORS_ENABLED", executorsEnabled)
                .start()) {
      process.awaitStdoutLine("'done'", "virtual-threads-app done"::equals, WAIT);
      assertThat(process.awaitExit(WAIT)).as(process.tail()).isZero();
      int expected = 2 * APIS.size() + 1;
      return Await.until(
          expected + " spans",
          WAIT,
          () -> {
            List<ReceivedSpan> spans = receiver.telemetry().spans();
            return spans.size() >= expected ? Optional.of(spans) : Optional.empty();
          },
          receiver.telemetry()::describeSpans);
    }
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
    return ReceivedSpan.only(spans, span -> span.name().equals(name));
  }

  private static List<Path> applicationApi() {
    Path libraries =
        Locations.copiedByMaven("apps/own-api-libs/opentelemetry-api-1.40.0.jar").getParent();
    return List.of(
        libraries.resolve("opentelemetry-api-1.40.0.jar"),
        libraries.resolve("opentelemetry-context-1.40.0.jar"));
  }
}
