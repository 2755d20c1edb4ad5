package io.otelite.harness;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way the tests run a JVM under the built agent jar: {@code java
 * -javaagent:otelite-agent.jar [options] (-cp PATH main | -jar app.jar) [arguments]}, with the
 * environment a test gives it and no {@code OTEL_*} variable of the test's own; started as a {@link
 * ManagedProcess}.
 */
public final class AgentJvm {
  /** What a test waits for a program that should end by itself. */
  public static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  private String name;
  private final List<String> launch;
  private final List<String> classPath = new ArrayList<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private boolean underAgent = true;
  private boolean killOnClose;
  private Path workingDirectory = Locations.moduleTarget();

  private AgentJvm(String name, List<String> launch) {
    this.name = name;
    this.launch = launch;
  }

  /** {@code mainClass}, on the module's test classes (add more with {@link #classPath}). */
  public static AgentJvm main(String mainClass) {
    AgentJvm jvm = new AgentJvm(simpleName(mainClass), List.of(mainClass));
    jvm.classPath.add(Locations.testClasses().toString());
    return jvm;
  }

  /** {@code mainClass} on exactly {@code classPath}. */
  public static AgentJvm main(String name, String classPath, String mainClass) {
    AgentJvm jvm = new AgentJvm(name, List.of(mainClass));
    jvm.classPath.add(classPath);
    return jvm;
  }

  /** {@code java -jar jar}, as users start a fat jar. */
  public static AgentJvm jar(String name, Path jar) {
    return new AgentJvm(name, List.of("-jar", jar.toString()));
  }

  /** The agent jar itself as a program ({@code java -jar otelite-agent.jar}: the CLI). */
  public static AgentJvm agentJarMain() {
    return new AgentJvm("otelite-agent", List.of("-jar", Locations.agentJar().toString()))
        .withoutAgent();
  }

  /**
   * Runs {@code mainClass} of the module's test classes under the agent to its end, with {@code
   * environment}.
   */
  public static ManagedProcess runMain(
      Map<String, String> environment, String mainClass, String... arguments) {
    return main(mainClass).env(environment).arguments(arguments).run();
  }

  /** Runs {@code java -jar otelite-agent.jar arguments} to its end, with {@code environment}. */
  public static ManagedProcess runAgentJar(Map<String, String> environment, String... arguments) {
    return agentJarMain().env(environment).arguments(arguments).run();
  }

  /** The same program alone, as the baseline a comparison needs. */
  public AgentJvm withoutAgent() {
    underAgent = false;
    return this;
  }

  public AgentJvm underAgent(boolean agent) {
    underAgent = agent;
    return this;
  }

  /** The process's name in logs and failure messages. */
  public AgentJvm named(String processName) {
    name = processName;
    return this;
  }

  /** Jars of this test class path, by artifact id (e.g. {@code tomcat-embed-core}). */
  public AgentJvm libraries(String... artifactIds) {
    for (String artifactId : artifactIds) {
      classPath.add(Locations.testLibrary(artifactId).toString());
    }
    return this;
  }

  public AgentJvm classPath(Path... entries) {
    for (Path entry : entries) {
      classPath.add(entry.toString());
    }
    return this;
  }

  public AgentJvm jvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  public AgentJvm jvmOptions(List<String> options) {
    jvmOptions.addAll(options);
    return this;
  }

  public AgentJvm arguments(String... programArguments) {
    arguments.addAll(List.of(programArguments));
    return this;
  }

  public AgentJvm env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  public AgentJvm env(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  /** OTLP to {@code receiver}, in its protocol. */
  public AgentJvm exportingTo(OtlpReceiver receiver) {
    return env(receiver.exporterEnvironment());
  }

  /** Spans every 200 ms and metrics every second, so that tests wait little. */
  public AgentJvm fastExport() {
    return env("OTEL_BSP_SCHEDULE_DELAY", "200").env("OTEL_METRIC_EXPORT_INTERVAL", "1000");
  }

  public AgentJvm workingDirectory(Path directory) {
    workingDirectory = directory;
    return this;
  }

  /** See {@link ManagedProcess.Builder#killOnClose()}. */
  public AgentJvm killOnClose() {
    killOnClose = true;
    return this;
  }

  /** The whole command line, for a test that must show it. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Locations.javaExecutable().toString());
    if (underAgent) {
      command.add("-javaagent:" + Locations.agentJar());
    }
    command.addAll(jvmOptions);
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(String.join(File.pathSeparator, classPath));
    }
    command.addAll(launch);
    command.addAll(arguments);
    return command;
  }

  public ManagedProcess start() {
    List<String> command = command();
    ManagedProcess.Builder builder =
        ManagedProcess.program(name, Path.of(command.get(0)))
            .command(command.subList(1, command.size()).toArray(String[]::new))
            .workingDirectory(workingDirectory)
            .env(environment);
    if (killOnClose) {
      builder.killOnClose();
    }
    return builder.start();
  }

  /**
   * Starts it and waits for it to end by itself ({@link #RUN_TIMEOUT}); its output, complete, stays
   * readable.
   */
  public ManagedProcess run() {
    return run(RUN_TIMEOUT);
  }

  /** The same, waiting at most {@code timeout}. */
  public ManagedProcess run(Duration timeout) {
    try (ManagedProcess process = start()) {
      process.awaitExit(timeout);
      return process;
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public String toString() {
    return String.join(" ", command());
  }
}
