package io.otelite.smoke;

import static org.junit.jupiter.api.Assertions.fail;

import io.otelite.harness.Await;
import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.smoke.harness.JaegerQueryApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Jaeger v2 as a local program, built from its Go module by {@code scripts/start-jaeger.sh} (which
 * CI runs first) and started here on free loopback ports. Outside CI the test is skipped when no
 * binary has been built; with {@code CI=true} it builds one if needed and must run.
 */
class JaegerLocalBinaryTest extends JaegerBackendContract {

  private final int otlpGrpcPort = FreePorts.next();
  private final int otlpHttpPort = FreePorts.next();
  private final int queryPort = FreePorts.next();
  private ManagedProcess jaeger;

  @Override
  Optional<String> startJaeger() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    Path binary = jaegerBinary();
    if (!ci && !Files.isExecutable(binary)) {
      return Optional.of(
          "no Jaeger binary at "
              + binary
              + " (build it with scripts/start-jaeger.sh --build-only)");
    }
    Path script = Locations.repoRoot().resolve("scripts/start-jaeger.sh");
    jaeger =
        ManagedProcess.program("jaeger", Path.of("/bin/bash"))
            .command(script.toString(), "--foreground")
            .env("JAEGER_BIN", binary.toString())
            .env("JAEGER_OTLP_GRPC_PORT", String.valueOf(otlpGrpcPort))
            .env("JAEGER_OTLP_HTTP_PORT", String.valueOf(otlpHttpPort))
            .env("JAEGER_QUERY_PORT", String.valueOf(queryPort))
            .env("JAEGER_QUERY_GRPC_PORT", String.valueOf(FreePorts.next()))
            .env("JAEGER_HEALTH_PORT", String.valueOf(FreePorts.next()))
            .start();
    JaegerQueryApi api = new JaegerQueryApi(queryUrl());
    Await.until(
        "Jaeger's query API on port " + queryPort,
        Duration.ofMinutes(ci ? 14 : 1),
        () -> {
          if (!jaeger.isAlive()) {
            fail("Jaeger exited\n" + jaeger.tail());
          }
          return api.isUp() ? Optional.of(true) : Optional.empty();
        },
        jaeger::tail);
    return Optional.empty();
  }

  @Override
  void stopJaeger() {
    if (jaeger != null) {
      jaeger.close();
    }
  }

  @Override
  String otlpHttpEndpoint() {
    return "http://127.0.0.1:" + otlpHttpPort;
  }

  @Override
  String otlpGrpcEndpoint() {
    return "http://127.0.0.1:" + otlpGrpcPort;
  }

  @Override
  String queryUrl() {
    return "http://127.0.0.1:" + queryPort;
  }

  /** Where the script puts it: $JAEGER_BIN, else the Go bin folder ($GOBIN, else $GOPATH/bin). */
  private static Path jaegerBinary() {
    String configured = System.getenv("JAEGER_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Optional<String> gobin = goEnv("GOBIN");
    if (gobin.isPresent()) {
      return Path.of(gobin.get(), "jaeger");
    }
    return Path.of(
        goEnv("GOPATH").orElse(Path.of(System.getProperty("user.home"), "go").toString()),
        "bin",
        "jaeger");
  }

  private static Optional<String> goEnv(String variable) {
    try {
      Process go = new ProcessBuilder("go", "env", variable).redirectErrorStream(true).start();
      String value = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!go.waitFor(30, TimeUnit.SECONDS) || go.exitValue() != 0 || value.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (IOException e) {
      return Optional.empty(); // no Go toolchain
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
