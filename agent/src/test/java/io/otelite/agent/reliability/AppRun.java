package io.otelite.agent.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code example.apps.reliability.HttpCallsApp} in its own JVM, under the built agent or without
 * it, with its output captured; started and awaited separately so that a test can stop it or time
 * its exit.
 */
final class AppRun implements AutoCloseable {
  static final Path AGENT_JAR = Path.of("target/otelite-agent.jar").toAbsolutePath();
  static final String APP = "example.apps.reliability.HttpCallsApp";
  private static final String TEST_CLASSES =
      Path.of("target/test-classes").toAbsolutePath().toString();
  private static final String JVM_SHARING_WARNING =
      "Sharing is only supported for boot loader classes";
  private static final Pattern P50 = Pattern.compile("calls ok=(\\d+) failed=(\\d+) p50_us=(\\d+)");

  final Process process;
  private final File out;
  private final File err;
  private long exitedAtMillis;

  private AppRun(Process process, File out, File err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static AppRun withAgent(Map<String, String> environment, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(java(), "-javaagent:" + AGENT_JAR, "-cp", TEST_CLASSES, APP));
    command.addAll(List.of(args));
    return start(command, environment);
  }

  static AppRun withoutAgent(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", TEST_CLASSES, APP));
    command.addAll(List.of(args));
    return start(command, Map.of());
  }

  static AppRun agentJarMain(Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", AGENT_JAR.toString()));
    command.addAll(List.of(args));
    return start(command, environment);
  }

  /**
   * {@code mainClass} of the test classes in its own JVM, under the agent unless told otherwise.
   */
  static Builder main(String mainClass) {
    return new Builder(mainClass);
  }

  /** What {@link #main} runs: class path, JVM options, environment, arguments. */
  static final class Builder {
    private final String mainClass;
    private final List<String> classPath = new ArrayList<>(List.of(TEST_CLASSES));
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new java.util.HashMap<>();
    private boolean underAgent = true;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
    }

    Builder withoutAgent() {
      underAgent = false;
      return this;
    }

    Builder underAgent(boolean agent) {
      underAgent = agent;
      return this;
    }

    /** Jars of this test class path, by artifact id (e.g. {@code tomcat-embed-core}). */
    Builder libraries(String... artifactIds) {
      for (String artifactId : artifactIds) {
        classPath.add(testLibrary(artifactId).toString());
      }
      return this;
    }

    Builder jvm(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    Builder env(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    Builder env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    AppRun start(String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(java()));
      if (underAgent) {
        command.add("-javaagent:" + AGENT_JAR);
      }
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), mainClass));
      command.addAll(List.of(args));
      return AppRun.start(command, environment);
    }
  }

  /**
   * A jar of the test class path (where failsafe puts this module's test dependencies), by artifact
   * id.
   */
  static Path testLibrary(String artifactId) {
    Pattern versioned = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/\\\\]*\\.jar");
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (versioned.matcher(path.getFileName().toString()).matches()) {
        return path.toAbsolutePath();
      }
    }
    throw new AssertionError(
        "no "
            + artifactId
            + " jar on the test class path: "
            + System.getProperty("java.class.path"));
  }

  long pid() {
    return process.pid();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static AppRun start(List<String> command, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
    // the SDK's own default is grpc; these tests speak OTLP/HTTP to FakeCollector
    builder.environment().put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    builder.environment().putAll(environment);
    File out = File.createTempFile("app-run", ".out");
    File err = File.createTempFile("app-run", ".err");
    builder.redirectOutput(out).redirectError(err);
    return new AppRun(builder.start(), out, err);
  }

  /** Waits for the JVM to exit (at most {@code seconds}) and remembers when it did. */
  AppRun awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("still running after " + seconds + " s; stderr:\n" + stderr());
    }
    exitedAtMillis = System.currentTimeMillis();
    return this;
  }

  /** Waits until stdout holds {@code text}. */
  void awaitOutput(String text, long seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (!stdout().contains(text)) {
      if (System.currentTimeMillis() > deadline || !process.isAlive()) {
        throw new AssertionError(
            "no '" + text + "' on stdout; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
      }
      Thread.sleep(20);
    }
  }

  long exitedAtMillis() {
    return exitedAtMillis;
  }

  int exitCode() {
    return process.exitValue();
  }

  String stdout() {
    return read(out);
  }

  /**
   * What the agent and the application wrote to stderr, without the JVM's class-data-sharing
   * notice.
   */
  List<String> stderrLines() {
    return read(err)
        .lines()
        .filter(line -> !line.contains(JVM_SHARING_WARNING))
        .collect(Collectors.toList());
  }

  String stderr() {
    return String.join("\n", stderrLines());
  }

  int okCalls() {
    return Integer.parseInt(summary().group(1));
  }

  int failedCalls() {
    return Integer.parseInt(summary().group(2));
  }

  /** The application's own median call latency, in microseconds. */
  long p50Micros() {
    return Long.parseLong(summary().group(3));
  }

  private Matcher summary() {
    Matcher matcher = P50.matcher(stdout());
    if (!matcher.find()) {
      throw new AssertionError(
          "no call summary on stdout:\n" + stdout() + "\nstderr:\n" + stderr());
    }
    return matcher;
  }

  List<String> stderrLinesContaining(String text) {
    return stderrLines().stream().filter(line -> line.contains(text)).collect(Collectors.toList());
  }

  private static String read(File file) {
    try {
      return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    out.delete();
    err.delete();
  }
}
