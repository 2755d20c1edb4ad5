package io.otelite.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** testapp/target/testapp.jar running in its own JVM under the agent jar. */
public final class Testapp implements HttpApp, AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final ManagedProcess process;
  private final int port;

  private Testapp(ManagedProcess process) {
    this.process = process;
    try {
      String line =
          process.awaitStdoutLine(
              "'testapp listening on port N'",
              l -> l.startsWith("testapp listening on port "),
              STARTUP);
      this.port = Integer.parseInt(line.substring("testapp listening on port ".length()).trim());
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
  }

  /**
   * A testapp under the agent with fast export (spans every 200 ms, metrics every second) and no
   * exporter configured yet: the agent's default then applies.
   */
  public static Builder underAgent(String serviceName) {
    return new Builder(serviceName);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }

  /** How to start it. */
  public static final class Builder {
    private final String serviceName;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String serviceName) {
      this.serviceName = serviceName;
      environment.put("OTEL_SERVICE_NAME", serviceName);
      environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
      environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
      environment.put("TESTAPP_PORT", "0");
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

    /** {@code /checkout} calls {@code downstream}. */
    public Builder callingDownstream(Testapp downstream) {
      return env("TESTAPP_DOWNSTREAM_URL", downstream.baseUrl());
    }

    public Testapp start() {
      ManagedProcess process =
          AgentJvm.jar(serviceName, Locations.testappJar())
              .jvmOptions("-Xmx256m")
              .env(environment)
              .start();
      Testapp app = new Testapp(process);
      assertThat(app.port()).isPositive();
      return app;
    }
  }
}
