package io.otelite.smoke.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the project's Spring Boot fat jars ({@code testapp-spring-boot3}, {@code
 * testapp-spring-boot2}) started as its users start it, {@code java -javaagent:... -jar app.jar},
 * exporting OTLP to a receiver in the test JVM, with no service name given: the agent finds it.
 */
public final class SpringBootApp implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(180);
  // Boot 3: "Tomcat started on port 41231 (http)"; Boot 2: "Tomcat started on port(s): 41231
  // (http)"
  private static final Pattern STARTED =
      Pattern.compile("Tomcat started on port(?:\\(s\\):)? (\\d+)");

  private final ManagedProcess process;
  private final int port;

  private SpringBootApp(ManagedProcess process) {
    this.process = process;
    try {
      String line =
          process.awaitStdoutLine(
              "'Tomcat started on port N'", l -> STARTED.matcher(l).find(), STARTUP);
      Matcher matcher = STARTED.matcher(line);
      matcher.find();
      this.port = Integer.parseInt(matcher.group(1));
      process.awaitStdoutLine("'Started ...Application'", l -> l.contains("Started "), STARTUP);
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
  }

  /** {@code <module>/target/<module>.jar} under the agent, exporting spans and metrics fast. */
  public static SpringBootApp start(String module, OtlpHttpReceiver receiver) {
    Path jar = Locations.repoRoot().resolve(module + "/target/" + module + ".jar");
    ManagedProcess.Builder command =
        ManagedProcess.java(module)
            .command(
                "-javaagent:" + Locations.agentJar(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.port=0")
            .workingDirectory(Locations.moduleTarget())
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
            .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .env("OTEL_BSP_SCHEDULE_DELAY", "200")
            .env("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    return new SpringBootApp(command.start());
  }

  public ManagedProcess process() {
    return process;
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
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("traceparent", caller.header());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return AppHttp.send(process, request);
  }

  @Override
  public void close() {
    process.close();
  }
}
