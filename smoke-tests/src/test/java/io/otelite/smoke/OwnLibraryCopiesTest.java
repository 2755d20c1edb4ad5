package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.smoke.harness.SmallApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application that bundles OpenTelemetry API/SDK 1.40.0 and Byte Buddy 1.14 (the agent has newer
 * ones) runs under the agent with its own copies, while the agent works beside it. One thing the
 * agent does change, on purpose and as the OpenTelemetry agent does: {@code GlobalOpenTelemetry} is
 * the agent's SDK (the app's {@code set} is ignored), so spans the app makes through it join the
 * agent's export; the app's own SDK object still exports what the app makes with it directly.
 */
class OwnLibraryCopiesTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theAppUsesItsOwnOpenTelemetryAndByteBuddyWhileTheAgentInstrumentsIt() throws IOException {
    SmallApp app = SmallApp.compile("ownlibs", bundledLibraries());

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent("own-library-copies", "OwnLibraryCopiesApp")
                .exportingTo(receiver)
                .start()) {
      process.awaitStdoutLine("'done'", "done"::equals, WAIT);

      assertThat(process.stdout())
          .as(process.tail())
          .contains(
              "opentelemetry-api: opentelemetry-api-1.40.0.jar loaded by app",
              "opentelemetry-sdk: opentelemetry-sdk-1.40.0.jar loaded by app",
              "byte-buddy: byte-buddy-1.14.19.jar loaded by app",
              "byte-buddy generated: made by the app's Byte Buddy",
              "http status: 204",
              "app exported: [app-sdk-span]");
      assertThat(process.stderr())
          .as("one line says that GlobalOpenTelemetry.set was ignored")
          .anyMatch(
              line -> line.contains("GlobalOpenTelemetry.set(...) is ignored under the agent"));

      ReceivedSpan agentSpan =
          receiver
              .telemetry()
              .awaitSpan(
                  "the agent's HttpURLConnection span",
                  s ->
                      s.isHttpClientCall()
                          && String.valueOf(s.attribute("url.full")).endsWith("/own-copies"));
      assertThat(agentSpan.serviceName()).isEqualTo("own-library-copies");
      ReceivedSpan globalSpan =
          receiver
              .telemetry()
              .awaitSpan(
                  "the app's span made through GlobalOpenTelemetry",
                  s -> s.name().equals("app-global-span"));
      assertThat(globalSpan.scopeName()).isEqualTo("own-library-copies-app");
      assertThat(receiver.telemetry().spans())
          .as("the span made with the app's own SDK object went to that SDK only")
          .noneMatch(s -> s.name().equals("app-sdk-span"));
    }
  }

  private static List<Path> bundledLibraries() throws IOException {
    Path libraries =
        Locations.copiedByMaven("apps/own-copies-libs/opentelemetry-api-1.40.0.jar").getParent();
    try (Stream<Path> jars = Files.list(libraries)) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
