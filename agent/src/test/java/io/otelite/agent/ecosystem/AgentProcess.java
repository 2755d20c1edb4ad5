package io.otelite.agent.ecosystem;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A separate JVM under the built agent jar (or running it as a program), with what it printed. */
final class AgentProcess {
  static final Path AGENT_JAR = Path.of("target/otelite-agent.jar").toAbsolutePath();
  static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

  final int exitCode;
  final String stdout;
  final String stderr;

  private AgentProcess(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static AgentProcess runApp(Map<String, String> environment, String mainClass, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of(java(), "-javaagent:" + AGENT_JAR, "-cp", TEST_CLASSES, mainClass));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  static AgentProcess runAgentJar(Map<String, String> environment, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", AGENT_JAR.toString()));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  /** Starts the application and leaves it running; the caller destroys it. */
  static Process start(Map<String, String> environment, String mainClass, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of(java(), "-javaagent:" + AGENT_JAR, "-cp", TEST_CLASSES, mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = processBuilder(command, environment);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static AgentProcess run(List<String> command, Map<String, String> environment)
      throws Exception {
    File out = File.createTempFile("agent-process", ".out");
    File err = File.createTempFile("agent-process", ".err");
    Process process =
        processBuilder(command, environment).redirectOutput(out).redirectError(err).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("still running after 60 s: " + command);
      }
      return new AgentProcess(
          process.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      out.delete();
      err.delete();
    }
  }

  private static ProcessBuilder processBuilder(
      List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
    builder.environment().putAll(environment);
    return builder;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
