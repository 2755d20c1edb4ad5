package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.agent.reliability.OtlpReceiver.ReceivedSpan;
import java.nio.file.Path;
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
      AppRun.testLibrary("h2").toString(),
      String.valueOf(DEPLOYMENTS)
    };
    try (AppRun run = redeployApp(false).start(args).awaitExit(90)) {
      assertThat(run.stdout())
          .as("without the agent (else this test proves nothing)")
          .contains("webapp class loaders collected: 3 of 3");
    }

    try (OtlpReceiver receiver = OtlpReceiver.http();
        AppRun run =
            redeployApp(true)
                .env(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "100"))
                .start(args)
                .awaitExit(90)) {
      List<ReceivedSpan> database =
          receiver.spans().stream()
              .filter(span -> "h2database".equals(span.attribute("db.system.name")))
              .collect(Collectors.toList());
      List<ReceivedSpan> server =
          receiver.spans().stream()
              .filter(span -> "/app/probe".equals(span.attribute("url.path")))
              .collect(Collectors.toList());
      System.out.println(
          "webapp redeployed "
              + DEPLOYMENTS
              + " times under the agent:\n"
              + run.stdout()
              + "server spans "
              + server.size()
              + ", database spans "
              + database.size());

      assertThat(run.exitCode()).isZero();
      assertThat(
              run.stdout()
                  .lines()
                  .filter(line -> line.endsWith("served: 200 ParallelWebappClassLoader 42")))
          .hasSize(DEPLOYMENTS);
      // H2 lives in each webapp's own class loader: its spans show that advice was linked there,
      // every time
      assertThat(database).hasSize(DEPLOYMENTS);
      assertThat(server).hasSize(DEPLOYMENTS);
      assertThat(run.stdout()).contains("webapp class loaders collected: 3 of 3");
      assertThat(run.stderrLines()).isEmpty();
    }
  }

  private static AppRun.Builder redeployApp(boolean underAgent) {
    return AppRun.main(APP)
        .underAgent(underAgent)
        .libraries("tomcat-embed-core", "tomcat-annotations-api")
        .jvm(TOMCAT_LEAK_DETECTION);
  }
}
