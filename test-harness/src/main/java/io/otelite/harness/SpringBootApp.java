package io.otelite.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One of the project's Spring Boot fat jars ({@code testapp-spring-boot3}, {@code
 * testapp-spring-boot2}) started as its users start it, {@code java [options] -jar app.jar
 * [arguments]}, with or without the agent, on a free port; ready once Spring Boot logs that it
 * started, so that readiness costs the application no request of its own.
 */
public final class SpringBootApp implements HttpApp, AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(180);
  // "Started OwnersApplication in 4.2 seconds (process running for 4.9)", not JFR's "Started
  // recording"
  private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds");

  private final ManagedProcess process;
  private final int port;

  private SpringBootApp(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * {@code <module>/target/<module>.jar}, under the agent, with no service name: the agent finds
   * it.
   */
  public static Builder module(String module) {
    return new Builder(module, module);
  }

  /** testapp-spring-boot3 under the agent, with {@code OTEL_SERVICE_NAME=serviceName}. */
  public static Builder named(String serviceName) {
    return new Builder("testapp-spring-boot3", serviceName).env("OTEL_SERVICE_NAME", serviceName);
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGTERM, as a service manager stops it; fails if it is still running after 30 s. */
  public void stop() {
    if (!process.terminate(Duration.ofSeconds(30))) {
      throw new AssertionError(process.name() + " still runs after SIGTERM\n" + process.tail());
    }
  }

  @Override
  public void close() {
    process.close();
  }

  /** How to start it. */
  public static final class Builder {
    private final String module;
    private final String processName;
    private boolean underAgent = true;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String module, String processName) {
      this.module = module;
      this.processName = processName;
      environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
      environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    }

    /** The application alone, as the baseline a comparison needs. */
    public Builder withoutAgent() {
      underAgent = false;
      return this;
    }

    public Builder jvmOptions(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /**
     * Spring Boot's command-line properties, e.g. {@code --spring.threads.virtual.enabled=true}.
     */
    public Builder arguments(String... applicationArguments) {
      arguments.addAll(List.of(applicationArguments));
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** OTLP to the receiver in the test JVM, in its protocol. */
    public Builder exportingTo(OtlpReceiver receiver) {
      environment.putAll(receiver.exporterEnvironment());
      return this;
    }

    public SpringBootApp start() {
      Path jar = Locations.repoRoot().resolve(module + "/target/" + module + ".jar");
      int port = FreePorts.next();
      ManagedProcess process =
          AgentJvm.jar(
                  processName,
                  Locations.existingFile(jar, "build it with `mvn -pl " + module + " package`"))
              .underAgent(underAgent)
              .jvmOptions(jvmOptions)
              .arguments("--server.port=" + port)
              .arguments(arguments.toArray(String[]::new))
              .workingDirectory(Locations.moduleTarget())
              .env(environment)
              .start();
      try {
        process.awaitStdoutLine(
            "'Started ... in N seconds'", line -> STARTED.matcher(line).find(), STARTUP);
      } catch (RuntimeException | AssertionError e) {
        process.close();
        throw e;
      }
      return new SpringBootApp(process, port);
    }
  }
}
