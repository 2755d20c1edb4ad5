package io.otelite.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a Java program in a separate JVM, optionally under the built agent, and captures what it
 * prints.
 */
final class JvmRun {
  static final Path AGENT_JAR = Path.of("target/otelite-agent.jar").toAbsolutePath();
  static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();
  private static final String JVM_SHARING_WARNING =
      "Sharing is only supported for boot loader classes";

  final int exitCode;
  final String stdout;
  final List<String> stderrLines;

  private JvmRun(int exitCode, String stdout, List<String> stderrLines) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderrLines = stderrLines;
  }

  static JvmRun withAgent(Map<String, String> environment, String mainClass, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-javaagent:" + AGENT_JAR);
    command.add("-cp");
    command.add(TEST_CLASSES);
    command.add(mainClass);
    command.addAll(List.of(args));
    return run(command, environment);
  }

  static JvmRun agentJarMain(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", AGENT_JAR.toString()));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static JvmRun run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
    builder.environment().putAll(environment);
    File out = File.createTempFile("jvm-run", ".out");
    File err = File.createTempFile("jvm-run", ".err");
    builder.redirectOutput(out).redirectError(err);
    Process process = builder.start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("still running after 60 s: " + command);
      }
      return new JvmRun(process.exitValue(), read(out), stderrLines(read(err)));
    } finally {
      process.destroyForcibly();
      out.delete();
      err.delete();
    }
  }

  private static String read(File file) throws IOException {
    return Files.readString(file.toPath(), StandardCharsets.UTF_8);
  }

  /** What the agent (and the application) wrote to stderr, without the JVM's own CDS notice. */
  private static List<String> stderrLines(String stderr) {
    return stderr
        .lines()
        .filter(line -> !line.contains(JVM_SHARING_WARNING))
        .collect(Collectors.toList());
  }

  String stderr() {
    return String.join("\n", stderrLines);
  }
}
