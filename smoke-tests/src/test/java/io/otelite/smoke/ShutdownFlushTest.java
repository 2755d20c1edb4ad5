package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.smoke.harness.SmallApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short-lived program loses nothing: the agent's shutdown hook exports what is still queued. */
class ShutdownFlushTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void spansOfAProgramThatEndsAtOnceAreExportedAtExit() {
    Path h2 = Locations.copiedByMaven("apps/probe-libs/h2.jar");
    SmallApp app = SmallApp.compile("classloaders", List.of(h2));

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent("short-lived", "ClassLoaderProbeApp", h2.toString(), "exit")
                .exportingTo(receiver)
                // Far beyond the program's life: only the flush at exit can deliver the spans.
                .env("OTEL_BSP_SCHEDULE_DELAY", "600000")
                .start()) {
      assertThat(process.awaitExit(Duration.ofSeconds(60))).as(process.tail()).isZero();

      // The flush completed before the JVM exited, so the spans are here now: no waiting.
      assertThat(receiver.telemetry().spans())
          .as(receiver.telemetry().describeSpans())
          .anyMatch(ReceivedSpan::isHttpClientCall)
          .anyMatch(
              s ->
                  s.isDatabaseCall() && s.hasAttribute("db.collection.name", "child_loader_table"));
    }
  }
}
