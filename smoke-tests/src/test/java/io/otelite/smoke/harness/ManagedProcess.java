package io.otelite.smoke.harness;

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
 * A program in its own process (a JVM under the agent, Zipkin, Jaeger): its output is kept in
 * memory for assertions and copied to {@code target/smoke-logs/} for people; {@link #close()} ends
 * it and everything it started.
 */
public final class ManagedProcess implements AutoCloseable {

  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
  private final Path log;
  private final Writer logWriter;
  private final List<Thread> readers = new ArrayList<>();

  private ManagedProcess(String name, Process process, Path log) throws IOException {
    this.name = name;
    this.process = process;
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

  /** Waits for the process to end by itself and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            name + " still runs after " + timeout.toSeconds() + " s\n" + tail());
      }
      joinReaders();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
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

  /** The JVM's threads and their stacks ({@code jcmd <pid> Thread.print}), to diagnose a hang. */
  public String threadDump() {
    Path jcmd = Locations.javaHome().resolve("bin/jcmd");
    try {
      Process dump =
          new ProcessBuilder(jcmd.toString(), String.valueOf(javaPid()), "Thread.print")
              .redirectErrorStream(true)
              .start();
      String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      dump.waitFor(30, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "no thread dump: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no thread dump: interrupted";
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
   * SIGTERM first, so that the agent's shutdown hook can flush; then SIGKILL. Children (a JVM that
   * a script started) go too.
   */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
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
        Path logs = Files.createDirectories(Locations.moduleTarget().resolve("smoke-logs"));
        Process process = builder.start();
        return new ManagedProcess(name, process, logs.resolve(name + "-" + process.pid() + ".log"));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + command, e);
      }
    }
  }
}
