package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.ReceivedTelemetry;
import io.otelite.smoke.harness.SmallApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instrumentation applies wherever the library's classes come from: the bootstrap loader
 * (HttpURLConnection), the system loader (H2 on the class path) and a child URLClassLoader that
 * defines its own copy of H2.
 */
class ClassLoaderCoverageTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void bootstrapSystemAndChildLoaderClassesAreAllInstrumented() {
    Path h2 = Locations.copiedByMaven("apps/probe-libs/h2.jar");
    SmallApp app = SmallApp.compile("classloaders", List.of(h2));

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent("class-loader-probe", "ClassLoaderProbeApp", h2.toString(), "stay")
                .exportingTo(receiver)
                .start()) {
      process.awaitStdoutLine("'done'", "done"::equals, WAIT);
      assertThat(process.stdout())
          .as(process.tail())
          .contains(
              "bootstrap: sun.net.www.protocol.http.HttpURLConnection loaded by bootstrap",
              "system: org.h2.Driver loaded by app",
              "child: org.h2.Driver loaded by child");

      ReceivedTelemetry telemetry = receiver.telemetry();
      ReceivedSpan http =
          telemetry.awaitSpan(
              "a CLIENT span from HttpURLConnection (bootstrap loader)",
              s ->
                  s.isHttpClientCall()
                      && String.valueOf(s.attribute("url.full")).endsWith("/bootstrap-loader"));
      ReceivedSpan system =
          telemetry.awaitSpan(
              "a JDBC span from H2 in the system loader",
              s -> isSelectFrom(s, "system_loader_table"));
      ReceivedSpan child =
          telemetry.awaitSpan(
              "a JDBC span from H2 in a child URLClassLoader",
              s -> isSelectFrom(s, "child_loader_table"));

      assertThat(http.attribute("http.response.status_code")).isEqualTo(204L);
      assertThat(system.name()).isEqualTo("SELECT system_loader_table");
      assertThat(child.name()).isEqualTo("SELECT child_loader_table");
      assertThat(child.attribute("db.system.name")).isEqualTo("h2database");
    }
  }

  private static boolean isSelectFrom(ReceivedSpan span, String table) {
    return span.isDatabaseCall()
        && span.hasAttribute("db.operation.name", "SELECT")
        && span.hasAttribute("db.collection.name", table);
  }
}
