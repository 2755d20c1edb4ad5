package io.otelite.agent.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jvm.* runtime metrics of a plain application, with no configuration, and their switch. */
class EcosystemRuntimeMetricsIT {
  private static final String APP = "example.apps.ecosystem.GarbageApp";

  @Test
  void aPlainApplicationReportsJvmMetricsWithSemconvNamesUnitsAndAttributes() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(Map.of("OTEL_METRIC_EXPORT_INTERVAL", "300"), APP, "1500");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText())
        .containsPattern(
            "otelite metric jvm\\.memory\\.used unit=By long_sum \\{jvm\\.memory\\.pool\\.name=[^,}]+, jvm\\.memory\\.type=heap\\} value=\\d+")
        .containsPattern(
            "otelite metric jvm\\.memory\\.used unit=By long_sum \\{[^}]*jvm\\.memory\\.type=non_heap\\}")
        .containsPattern(
            "otelite metric jvm\\.memory\\.committed unit=By long_sum \\{[^}]*jvm\\.memory\\.type=heap\\} value=\\d+")
        .containsPattern(
            "otelite metric jvm\\.memory\\.limit unit=By long_sum \\{[^}]*\\} value=\\d+")
        .containsPattern("otelite metric jvm\\.memory\\.used_after_last_gc unit=By long_sum ")
        .containsPattern(
            "otelite metric jvm\\.gc\\.duration unit=s histogram \\{jvm\\.gc\\.action=end of [a-z]+ GC, jvm\\.gc\\.name=[^}]+\\} count=[1-9]")
        .containsPattern(
            "otelite metric jvm\\.thread\\.count unit=\\{thread\\} long_sum \\{jvm\\.thread\\.daemon=(true|false), jvm\\.thread\\.state=(runnable|waiting|timed_waiting|blocked)\\} value=[1-9]")
        .containsPattern(
            "otelite metric jvm\\.class\\.loaded unit=\\{class\\} long_sum \\{\\} value=[1-9]\\d+")
        .containsPattern(
            "otelite metric jvm\\.class\\.count unit=\\{class\\} long_sum \\{\\} value=[1-9]\\d+")
        .containsPattern(
            "otelite metric jvm\\.class\\.unloaded unit=\\{class\\} long_sum \\{\\} value=\\d+")
        .containsPattern("otelite metric jvm\\.cpu\\.time unit=s double_sum \\{\\} value=\\d")
        .containsPattern(
            "otelite metric jvm\\.cpu\\.count unit=\\{cpu\\} long_sum \\{\\} value=[1-9]")
        .containsPattern(
            "otelite metric jvm\\.cpu\\.recent_utilization unit=1 double_gauge \\{\\} value=\\d");
    assertThat(run.stderrText()).doesNotContain("[otelite]");
  }

  @Test
  void runtimeTelemetryCanBeSwitchedOff() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(
            Map.of(
                "OTEL_METRIC_EXPORT_INTERVAL",
                "300",
                "OTEL_INSTRUMENTATION_RUNTIME_TELEMETRY_ENABLED",
                "false"),
            APP,
            "1000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText()).contains("application done").doesNotContain("jvm.");
  }
}
