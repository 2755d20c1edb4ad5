package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A webapp deployed, used, undeployed and redeployed in embedded Tomcat under the agent: each
 * deployment's own classes (a filter, a servlet, H2 from WEB-INF/lib) are instrumented and traced,
 * and after undeployment every webapp class loader can be collected, as without the agent. The
 * agent's module class loaders are weak on both sides (ARCHITECTURE.md, "What keeps it leak-free");
 * Tomcat's own leak detection (enabled by the --add-opens) reports nothing either.
 */
class ReliabilityWebappRedeployIT {
  private static final String APP = "example.apps.reliability.WebappRedeployApp";
  private static final int DEPLOYMENTS = 3;
  private static final String[] TOMCAT_LEAK_DETECTION = {
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED"
  };

  @Test
  @Timeout(120)
  void everyUndeployedWebappClassLoaderIsCollected() throws Exception {
    String[] args = {
      Path.of("target/test-classes").toAbsolutePath().toString(),
      Locations.testLibrary("h2").toString(),
      String.valueOf(DEPLOYMENTS)
    };
    try (ManagedProcess run = redeployApp(false).arguments(args).run(Duration.ofSeconds(90))) {
      assertThat(run.stdoutText())
          .as("without the agent (else this test proves nothing)")
          .contains("webapp class loaders collected: 3 of 3");
    }

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess run =
            redeployApp(true)
                .env(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "100"))
                .arguments(args)
                .run(Duration.ofSeconds(90))) {
      List<ReceivedSpan> database =
          receiver.telemetry().spans().stream()
              .filter(span -> "h2database".equals(span.stringAttribute("db.system.name")))
              .collect(Collectors.toList());
      List<ReceivedSpan> server =
          receiver.telemetry().spans().stream()
              .filter(span -> "/app/probe".equals(span.stringAttribute("url.path")))
              .collect(Collectors.toList());
      System.out.println(
          "webapp redeployed "
              + DEPLOYMENTS
              + " times under the agent:\n"
              + run.stdoutText()
              + "server spans "
              + server.size()
              + ", database spans "
              + database.size());

      assertThat(run.exitCode()).isZero();
      assertThat(
              run.stdoutText()
                  .lines()
                  .filter(line -> line.endsWith("served: 200 ParallelWebappClassLoader 42")))
          .hasSize(DEPLOYMENTS);
      // H2 lives in each webapp's own class loader: its spans show that advice was linked there,
      // every time
      assertThat(database).hasSize(DEPLOYMENTS);
      assertThat(server).hasSize(DEPLOYMENTS);
      assertThat(run.stdoutText()).contains("webapp class loaders collected: 3 of 3");
      assertThat(run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  private static AgentJvm redeployApp(boolean underAgent) {
    return HttpCalls.main(APP)
        .underAgent(underAgent)
        .libraries("tomcat-embed-core", "tomcat-annotations-api")
        .jvmOptions(TOMCAT_LEAK_DETECTION);
  }
}
