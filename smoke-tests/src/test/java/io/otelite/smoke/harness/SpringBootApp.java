package io.otelite.smoke.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
public final class SpringBootApp implements AutoCloseable {
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

  public ManagedProcess process() {
    return process;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
  }

  public HttpResponse<String> get(String path, Traceparent caller) {
    return send(request(path, caller).GET());
  }

  public HttpResponse<String> postJson(String path, String json, Traceparent caller) {
    return send(
        request(path, caller)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postForm(String path, String form, Traceparent caller) {
    return send(
        request(path, caller)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpRequest.Builder request(String path, Traceparent caller) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("traceparent", caller.header());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return AppHttp.send(process, request);
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

    /** OTLP over http/protobuf to the receiver in the test JVM. */
    public Builder exportingTo(OtlpHttpReceiver receiver) {
      return env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
          .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    }

    public SpringBootApp start() {
      Path jar = Locations.repoRoot().resolve(module + "/target/" + module + ".jar");
      int port = FreePorts.next();
      List<String> command = new ArrayList<>();
      if (underAgent) {
        command.add("-javaagent:" + Locations.agentJar());
      }
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(
          Locations.existingFile(jar, "build it with `mvn -pl " + module + " package`").toString());
      command.add("--server.port=" + port);
      command.addAll(arguments);
      ManagedProcess.Builder builder =
          ManagedProcess.java(processName)
              .command(command.toArray(String[]::new))
              .workingDirectory(Locations.moduleTarget());
      environment.forEach(builder::env);
      ManagedProcess process = builder.start();
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
