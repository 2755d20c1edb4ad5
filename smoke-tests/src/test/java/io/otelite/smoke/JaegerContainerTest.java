package io.otelite.smoke;

import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The same Jaeger checks against the official {@code jaegertracing/jaeger} image, where Docker
 * runs.
 */
class JaegerContainerTest extends JaegerBackendContract {

  private static final DockerImageName IMAGE = DockerImageName.parse("jaegertracing/jaeger:2.20.0");

  private GenericContainer<?> jaeger;

  @Override
  Optional<String> startJaeger() {
    if (!isDockerAvailable()) {
      return Optional.of("no Docker engine here (JaegerLocalBinaryTest runs the same checks)");
    }
    jaeger =
        new GenericContainer<>(IMAGE)
            .withExposedPorts(4317, 4318, 16686)
            .waitingFor(
                Wait.forHttp("/api/services")
                    .forPort(16686)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    jaeger.start();
    return Optional.empty();
  }

  @Override
  void stopJaeger() {
    if (jaeger != null) {
      jaeger.stop();
    }
  }

  @Override
  String otlpHttpEndpoint() {
    return "http://" + jaeger.getHost() + ":" + jaeger.getMappedPort(4318);
  }

  @Override
  String otlpGrpcEndpoint() {
    return "http://" + jaeger.getHost() + ":" + jaeger.getMappedPort(4317);
  }

  @Override
  String queryUrl() {
    return "http://" + jaeger.getHost() + ":" + jaeger.getMappedPort(16686);
  }

  private static boolean isDockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
