package io.otelite.agent.reliability;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code example.apps.reliability.ServletApp} (embedded Tomcat and H2) in its own JVM, and its
 * port.
 */
final class ServletAppRun implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  final AppRun run;
  final int port;

  private ServletAppRun(AppRun run, int port) {
    this.run = run;
    this.port = port;
  }

  static ServletAppRun start(
      boolean underAgent, Map<String, String> environment, String... jvmOptions) throws Exception {
    AppRun run =
        AppRun.main("example.apps.reliability.ServletApp")
            .underAgent(underAgent)
            .libraries("tomcat-embed-core", "tomcat-annotations-api", "h2")
            .jvm(jvmOptions)
            .env(environment)
            .start();
    try {
      run.awaitOutput("listening on port", 60);
    } catch (AssertionError | Exception e) {
      run.close();
      throw e;
    }
    Matcher matcher = LISTENING.matcher(run.stdout());
    if (!matcher.find()) {
      run.close();
      throw new AssertionError("no port on stdout: " + run.stdout());
    }
    return new ServletAppRun(run, Integer.parseInt(matcher.group(1)));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    run.close();
  }
}
