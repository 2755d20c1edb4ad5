package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.Locations;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The jar stays within its size budget. */
class JarSizeIT {
  /**
   * A quarter of the OpenTelemetry Java agent's jar:
   * io.opentelemetry.javaagent:opentelemetry-javaagent:2.33.1 is 26,507,624 bytes (26.51 MB, the
   * version benchmarks/overhead.sh compares against), so 6,626,906 bytes (6.63 MB). gRPC export is
   * included; ProGuard drops what the agent does not reach (agent/src/main/proguard/agent.pro).
   */
  static final long BUDGET_BYTES = 26_507_624L / 4;

  @Test
  void theAgentJarIsAtMostAQuarterOfTheOpenTelemetryAgents() throws Exception {
    long size = Files.size(Locations.agentJar());

    assertThat(size)
        .as("size of %s in bytes", Locations.agentJar())
        .isLessThanOrEqualTo(BUDGET_BYTES);
  }
}
