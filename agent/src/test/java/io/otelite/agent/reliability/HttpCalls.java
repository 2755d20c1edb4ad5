package io.otelite.agent.reliability;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code example.apps.reliability.HttpCallsApp} in its own JVM, and the summary it prints at its
 * end ({@code calls ok=N failed=N p50_us=N}).
 */
final class HttpCalls {
  static final String APP = "example.apps.reliability.HttpCallsApp";
  private static final Pattern SUMMARY =
      Pattern.compile("calls ok=(\\d+) failed=(\\d+) p50_us=(\\d+)");

  private HttpCalls() {}

  /** Under the agent, exporting over OTLP/HTTP unless {@code environment} says otherwise. */
  static AgentJvm underAgent(Map<String, String> environment, String... arguments) {
    return app(arguments).env(environment);
  }

  static AgentJvm withoutAgent(String... arguments) {
    return app(arguments).withoutAgent();
  }

  /**
   * A class of the test classes, as these tests run them: killed at the end of the test, and
   * speaking OTLP/HTTP (the SDK's own default is gRPC) unless told otherwise.
   */
  static AgentJvm main(String mainClass) {
    return AgentJvm.main(mainClass)
        .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .killOnClose();
  }

  private static AgentJvm app(String... arguments) {
    return main(APP).arguments(arguments);
  }

  static int okCalls(ManagedProcess run) {
    return Integer.parseInt(summary(run).group(1));
  }

  static int failedCalls(ManagedProcess run) {
    return Integer.parseInt(summary(run).group(2));
  }

  /** The application's own median call latency, in microseconds. */
  static long p50Micros(ManagedProcess run) {
    return Long.parseLong(summary(run).group(3));
  }

  private static Matcher summary(ManagedProcess run) {
    Matcher matcher = SUMMARY.matcher(run.stdoutText());
    if (!matcher.find()) {
      throw new AssertionError("no call summary on stdout\n" + run.tail());
    }
    return matcher;
  }
}
