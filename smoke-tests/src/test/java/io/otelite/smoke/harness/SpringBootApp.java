package io.otelite.smoke.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * testapp-spring-boot3's fat jar started as its users start it, {@code java [options] -jar app.jar
 * [arguments]}, with or without the agent, on a free port; ready once it answers its first request.
 */
public final class SpringBootApp implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final ManagedProcess process;
  private final int port;

  private SpringBootApp(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Path jar() {
    return Locations.repoRoot().resolve("testapp-spring-boot3/target/testapp-spring-boot3.jar");
  }

  public static Builder named(String serviceName) {
    return new Builder(serviceName);
  }

  public ManagedProcess process() {
    return process;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed\n" + process.tail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
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

  private void awaitFirstAnswer() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(process.name() + " exited while starting\n" + process.tail());
      }
      try {
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              process.name() + " did not answer within " + STARTUP + "\n" + process.tail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** How to start it. */
  public static final class Builder {
    private final String serviceName;
    private boolean underAgent = true;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String serviceName) {
      this.serviceName = serviceName;
      environment.put("OTEL_SERVICE_NAME", serviceName);
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
      int port = FreePorts.next();
      List<String> command = new ArrayList<>();
      if (underAgent) {
        command.add("-javaagent:" + Locations.agentJar());
      }
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(
          Locations.existingFile(jar(), "build it with `mvn -pl testapp-spring-boot3 package`")
              .toString());
      command.add("--server.port=" + port);
      command.addAll(arguments);
      ManagedProcess.Builder builder =
          ManagedProcess.java(serviceName).command(command.toArray(String[]::new));
      environment.forEach(builder::env);
      SpringBootApp app = new SpringBootApp(builder.start(), port);
      try {
        app.awaitFirstAnswer();
      } catch (RuntimeException | AssertionError e) {
        app.close();
        throw e;
      }
      return app;
    }
  }
}
