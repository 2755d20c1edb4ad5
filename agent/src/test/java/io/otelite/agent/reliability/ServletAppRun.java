package io.otelite.agent.reliability;

import io.otelite.harness.ManagedProcess;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code example.apps.reliability.ServletApp} (embedded Tomcat and H2) in its own JVM, and its
 * port.
 */
final class ServletAppRun implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  final ManagedProcess run;
  final int port;

  private ServletAppRun(ManagedProcess run, int port) {
    this.run = run;
    this.port = port;
  }

  static ServletAppRun start(
      boolean underAgent, Map<String, String> environment, String... jvmOptions) {
    ManagedProcess run =
        HttpCalls.main("example.apps.reliability.ServletApp")
            .underAgent(underAgent)
            .libraries("tomcat-embed-core", "tomcat-annotations-api", "h2")
            .jvmOptions(jvmOptions)
            .env(environment)
            .start();
    try {
      Matcher matcher =
          LISTENING.matcher(run.awaitStdoutContaining("listening on port", Duration.ofSeconds(60)));
      if (!matcher.find()) {
        throw new AssertionError("no port on stdout\n" + run.tail());
      }
      return new ServletAppRun(run, Integer.parseInt(matcher.group(1)));
    } catch (RuntimeException | AssertionError e) {
      run.close();
      throw e;
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    run.close();
  }
}
