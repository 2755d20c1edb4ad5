package io.otelite.agent.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * java -jar otelite-agent.jar --check app.jar: the libraries in an application jar and the modules
 * for them.
 */
class EcosystemCheckApplicationJarIT {
  @TempDir Path folder;

  @Test
  void aSpringBootStyleJarWithServletApiInsideIsMatchedToTheServletModule() throws Exception {
    Path app = folder.resolve("app.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app))) {
      entry(jar, "BOOT-INF/classes/com/example/App.class", new byte[] {1});
      entry(
          jar,
          "BOOT-INF/lib/jakarta.servlet-api-6.0.0.jar",
          nestedJar("jakarta/servlet/http/HttpServlet.class"));
      entry(jar, "BOOT-INF/lib/unrelated.jar", nestedJar("com/example/lib/Thing.class"));
    }

    ManagedProcess run = AgentJvm.runAgentJar(Map.of(), "--check", app.toString());

    assertThat(run.exitCode()).isZero();
    String modulesThatApply =
        section(
            run.stdoutText(), "modules that would apply:", "modules with no library in the jar:");
    String modulesThatDoNot =
        run.stdoutText().substring(run.stdoutText().indexOf("modules with no library in the jar:"));
    assertThat(run.stdoutText())
        .contains("(2 nested jars)")
        .contains(
            "found jakarta.servlet.http.HttpServlet in BOOT-INF/lib/jakarta.servlet-api-6.0.0.jar");
    assertThat(modulesThatApply)
        .contains("servlet (jakarta.servlet.http.HttpServlet)")
        .contains("jdbc (JDK, always)")
        .doesNotContain("javax.servlet");
    assertThat(modulesThatDoNot)
        .contains("servlet (needs javax.servlet.http.HttpServlet)")
        .contains("org.apache.hc");
  }

  @Test
  void aJarThatCannotBeReadIsOneErrorLine() throws Exception {
    ManagedProcess run =
        AgentJvm.runAgentJar(Map.of(), "--check", folder.resolve("missing.jar").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrText()).contains("cannot read").contains("missing.jar");
  }

  private static String section(String text, String from, String to) {
    return text.substring(text.indexOf(from), text.indexOf(to));
  }

  private static byte[] nestedJar(String classEntry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      entry(jar, classEntry, new byte[] {1});
    }
    return bytes.toByteArray();
  }

  private static void entry(JarOutputStream jar, String name, byte[] content) throws Exception {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(content);
    jar.closeEntry();
  }
}
