package io.otelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.otelite.harness.Locations;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent can be attached to a running JVM (agentmain), not only given on the command line. */
class AttachIT {
  @Test
  void attachingAtRunTimeStartsTheAgent() throws Exception {
    File err = File.createTempFile("attach", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Locations.javaExecutable().toString(),
                    "-cp",
                    Locations.testClasses().toString(),
                    "example.apps.WaitingApp"))
            .redirectError(err);
    builder.environment().put("OTEL_JAVAAGENT_DEBUG", "true");
    builder.environment().put("OTEL_METRICS_EXPORTER", "none");
    Process app = builder.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("waiting pid=");
      String pid = first.substring("waiting pid=".length());

      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(Locations.agentJar().toString());
      } finally {
        vm.detach();
      }
      app.getOutputStream().write('\n');
      app.getOutputStream().flush();
      assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out.readLine()).isEqualTo("application done");
      assertThat(app.exitValue()).isZero();
    } finally {
      app.destroyForcibly();
    }
    String stderr = Files.readString(err.toPath());
    err.delete();
    assertThat(stderr).contains("[otelite] DEBUG started in").doesNotContain("could not start");
  }
}
