package io.otelite.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program in its own process (a JVM under the agent, Zipkin, Jaeger, a server's launch script):
 * its output is kept in memory for assertions and copied to {@code target/process-logs/} for
 * people; failures quote its last lines ({@link #tail()}); {@link #close()} ends it and everything
 * it started. {@link AgentJvm} builds the command line of a JVM under the built agent jar.
 */
public final class ManagedProcess implements AutoCloseable {

  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
  // what the JVM prints when an agent appends to the boot class path: not the agent's own output
  private static final String JVM_SHARING_NOTICE =
      "Sharing is only supported for boot loader classes";

  private final String name;
  private final Process process;
  private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
  private final Path log;
  private final Writer logWriter;
  private final List<Thread> readers = new ArrayList<>();
  private final boolean killOnClose;
  private volatile long exitedAtMillis;

  private ManagedProcess(String name, Process process, Path log, boolean killOnClose)
      throws IOException {
    this.name = name;
    this.process = process;
    this.killOnClose = killOnClose;
    this.log = log;
    this.logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    readers.add(pump(process.getInputStream(), stdout, "out| "));
    readers.add(pump(process.getErrorStream(), stderr, "err| "));
  }

  public static Builder java(String name) {
    return new Builder(name).command(Locations.javaExecutable().toString());
  }

  public static Builder program(String name, Path executable) {
    return new Builder(name).command(executable.toString());
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  public List<String> stderr() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  /** Everything on stdout so far, one string. */
  public String stdoutText() {
    return String.join("\n", stdout());
  }

  /** Everything on stderr so far, one string. */
  public String stderrText() {
    return String.join("\n", stderr());
  }

  /**
   * What the agent and the application wrote to stderr, without the JVM's class-data-sharing
   * notice.
   */
  public List<String> stderrWithoutJvmNotice() {
    return stderr().stream().filter(line -> !line.contains(JVM_SHARING_NOTICE)).toList();
  }

  /** {@link #stderrWithoutJvmNotice()} as one string. */
  public String stderrTextWithoutJvmNotice() {
    return String.join("\n", stderrWithoutJvmNotice());
  }

  /** The lines on stderr that contain {@code text}. */
  public List<String> stderrLinesContaining(String text) {
    return stderr().stream().filter(line -> line.contains(text)).toList();
  }

  /** Waits until stdout holds a line containing {@code text}. */
  public String awaitStdoutContaining(String text, Duration timeout) {
    return awaitStdoutLine("'" + text + "'", line -> line.contains(text), timeout);
  }

  /** Waits for a line on stdout; fails early, with the output so far, if the process dies. */
  public String awaitStdoutLine(String what, Predicate<String> line, Duration timeout) {
    return Await.until(
        what + " on the stdout of " + name,
        timeout,
        () -> {
          Optional<String> found = stdout().stream().filter(line).findFirst();
          if (found.isEmpty() && !process.isAlive()) {
            awaitOutputEnd();
            found = stdout().stream().filter(line).findFirst();
            if (found.isPresent()) {
              return found;
            }
            throw new AssertionError(
                name
                    + " exited with "
                    + process.exitValue()
                    + " before printing "
                    + what
                    + "\n"
                    + tail());
          }
          return found;
        },
        this::tail);
  }

  /**
   * Waits for the process to end by itself and returns its exit code; remembers when it ended
   * ({@link #exitedAtMillis()}).
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            name + " still runs after " + timeout.toSeconds() + " s\n" + tail());
      }
      exitedAtMillis = System.currentTimeMillis();
      joinReaders();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The exit code of a process that ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** When {@link #awaitExit} saw the process end (wall clock, ms). */
  public long exitedAtMillis() {
    return exitedAtMillis;
  }

  /**
   * SIGTERM, as a service manager stops a server; true when the process (and what it started) ended
   * within {@code timeout} by itself, false when it is still running (then {@link #close()} kills
   * it).
   */
  public boolean terminate(Duration timeout) {
    process.destroy();
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM without waiting, as a service manager sends it; the test then awaits the exit. */
  public void sendTerm() {
    process.destroy();
  }

  /** The JVM's threads and their stacks ({@code jcmd <pid> Thread.print}), to diagnose a hang. */
  public String threadDump() {
    try {
      return jcmd("Thread.print");
    } catch (AssertionError e) {
      return "no thread dump: " + e.getMessage();
    }
  }

  /**
   * Runs {@code jcmd <the JVM's pid> command...} with the applications' JDK and returns what it
   * printed; fails unless it ends with status 0 within a minute.
   */
  public String jcmd(String... command) {
    List<String> line = new ArrayList<>();
    line.add(Locations.javaHome().resolve("bin/jcmd").toString());
    line.add(String.valueOf(javaPid()));
    line.addAll(List.of(command));
    try {
      Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new AssertionError(String.join(" ", line) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", line) + " could not run: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(String.join(" ", line) + " interrupted", e);
    }
  }

  /**
   * The JVM's pid: the process itself, or the java process a launch script started (and did not
   * exec).
   */
  private long javaPid() {
    return process
        .descendants()
        .filter(
            child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
        .map(ProcessHandle::pid)
        .findFirst()
        .orElse(process.pid());
  }

  /** The last lines of output, for failure messages. */
  public String tail() {
    List<String> out = stdout();
    List<String> err = stderr();
    return "--- last output of "
        + name
        + " (pid "
        + process.pid()
        + ", full log "
        + log
        + ")\n"
        + String.join("\n", out.subList(Math.max(0, out.size() - 30), out.size()))
        + "\n--- stderr\n"
        + String.join("\n", err.subList(Math.max(0, err.size() - 30), err.size()));
  }

  /**
   * SIGTERM first, so that the agent's shutdown hook can flush; then SIGKILL (at once when built
   * with {@link Builder#killOnClose()}). Children (a JVM that a script started) go too.
   */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    if (killOnClose) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      joinReaders();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        logWriter.close();
      } catch (IOException ignored) {
        // only the log copy is affected
      }
    }
  }

  /** After the process ended: lets the readers take in its last output. */
  private void awaitOutputEnd() {
    try {
      joinReaders();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void joinReaders() throws InterruptedException {
    for (Thread reader : readers) {
      reader.join(GRACEFUL_STOP.toMillis());
    }
  }

  private Thread pump(InputStream stream, List<String> lines, String logPrefix) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.add(line);
                  synchronized (logWriter) {
                    logWriter.write(logPrefix + line + "\n");
                    logWriter.flush();
                  }
                }
              } catch (IOException e) {
                // the stream closes when the process ends; nothing more to read
              }
            },
            name + "-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Which program, with which arguments and environment. */
  public static final class Builder {
    private final String name;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory = Locations.moduleTarget();
    private boolean killOnClose;

    private Builder(String name) {
      this.name = name;
    }

    public Builder command(String... parts) {
      command.addAll(List.of(parts));
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder env(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /**
     * {@link #close()} kills at once, with no SIGTERM first: for a test that has what it needs and
     * must not wait for the shutdown hook's last export.
     */
    public Builder killOnClose() {
      killOnClose = true;
      return this;
    }

    public Builder workingDirectory(Path directory) {
      workingDirectory = directory;
      return this;
    }

    public ManagedProcess start() {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
      // Hermetic: the process sees only the OTEL_* and TESTAPP_* settings the test gives it.
      builder
          .environment()
          .keySet()
          .removeIf(key -> key.startsWith("OTEL_") || key.startsWith("TESTAPP_"));
      builder.environment().putAll(environment);
      try {
        Path logs = Files.createDirectories(Locations.moduleTarget().resolve("process-logs"));
        Process process = builder.start();
        return new ManagedProcess(
            name, process, logs.resolve(name + "-" + process.pid() + ".log"), killOnClose);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + command, e);
      }
    }
  }
}
