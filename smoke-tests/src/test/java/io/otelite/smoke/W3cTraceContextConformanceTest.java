package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelite.harness.Await;
import io.otelite.harness.FreePorts;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.smoke.harness.SmallApp;
import io.otelite.smoke.startup.TomcatDistribution;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official W3C Trace Context test suite (folder {@code test/} of {@code w3c/trace-context}, at
 * {@code ../shared/third-party/w3c-trace-context-test/}, outside this repository, found by {@link
 * Locations#thirdParty()}) against a plain servlet deployed in the stock Tomcat 10.1 distribution,
 * started by {@code catalina.sh run} under the agent with {@code OTEL_PROPAGATORS=tracecontext}.
 * The servlet forwards each call the harness asks for with {@code java.net.http.HttpClient}; it has
 * no tracing code of its own. Every level-1 test and the level-2 test must pass ({@code
 * SPEC_LEVEL=2}, {@code STRICT_LEVEL=2}).
 *
 * <p>The harness is Python with aiohttp, from the virtual environment that {@code
 * scripts/start-services.sh} makes at {@code $OTELITE_SERVICES_DIR/w3c-trace-context-venv} (default
 * {@code /tmp/otelite-services/w3c-trace-context-venv}). Without it, or without the suite, the test
 * is skipped with one line, except with {@code CI=true}, where it fails. The suite's output goes to
 * {@code target/w3c-trace-context.txt}.
 */
class W3cTraceContextConformanceTest {
  private static final Path SUITE = Locations.thirdParty().resolve("w3c-trace-context-test");
  private static final int LEVEL_1_TESTS = 40;
  private static final String LEVEL_2_TEST = "TraceContext2Test.test_propagates_random_flag";
  private static final Duration SERVER_START_BOUND = Duration.ofSeconds(120);
  private static final Duration SUITE_BOUND = Duration.ofMinutes(10);

  /** A test's name line, e.g. {@code test_x (__main__.TraceContextTest.test_x)} (Python 3.11). */
  private static final Pattern TEST_NAME =
      Pattern.compile("^(test_\\w+) \\((?:__main__\\.)?(\\w+)(?:\\.test_\\w+)?\\)");

  /** Where the outcome goes: {@code ... ok}, {@code ... FAIL}, {@code ... skipped 'why'}. */
  private static final Pattern OUTCOME = Pattern.compile(" \\.\\.\\. (ok|FAIL|ERROR|skipped.*)$");

  @Test
  void officialSuitePassesEveryLevel1TestAndTheLevel2Test() throws Exception {
    Path python = harnessPython();
    TomcatDistribution stock = TomcatDistribution.named("otelite.tomcat10.distribution");
    TomcatDistribution tomcat = stock.withWebapp("w3c", testServiceWebapp(stock));
    int port = FreePorts.next();
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("OTEL_SERVICE_NAME", "w3c-trace-context-test-service");
    environment.put("OTEL_PROPAGATORS", "tracecontext");
    environment.put("OTEL_TRACES_EXPORTER", "none");
    environment.put("OTEL_METRICS_EXPORTER", "none");
    environment.put("OTEL_LOGS_EXPORTER", "none");
    String endpoint = "http://127.0.0.1:" + port + "/w3c/test";

    try (ManagedProcess server = tomcat.start(Locations.agentJar(), port, List.of(), environment)) {
      awaitService(server, endpoint);
      List<String> output;
      int exitCode;
      try (ManagedProcess suite =
          ManagedProcess.program("w3c-trace-context-suite", python)
              .command(SUITE.resolve("test.py").toString(), endpoint)
              .env("SPEC_LEVEL", "2")
              .env("STRICT_LEVEL", "2")
              .env("HARNESS_HOST", "127.0.0.1")
              .env("HARNESS_PORT", String.valueOf(FreePorts.next()))
              .env("HARNESS_TIMEOUT", "20")
              .env("PYTHONDONTWRITEBYTECODE", "1")
              .start()) {
        exitCode = suite.awaitExit(SUITE_BOUND);
        output = new ArrayList<>(suite.stdout());
        output.addAll(suite.stderr());
      }
      Map<String, String> outcomes = outcomes(output);
      String report = report(outcomes, output);
      Files.writeString(
          Locations.moduleTarget().resolve("w3c-trace-context.txt"),
          report,
          StandardCharsets.UTF_8);
      System.out.println(report.lines().findFirst().orElse(""));

      Map<String, String> notPassed =
          outcomes.entrySet().stream()
              .filter(outcome -> !outcome.getValue().equals("ok"))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(notPassed).as("tests that did not pass\n%s", report).isEmpty();
      assertThat(level1(outcomes)).as("level-1 tests run\n%s", report).hasSize(LEVEL_1_TESTS);
      assertThat(outcomes).as("level-2 test\n%s", report).containsEntry(LEVEL_2_TEST, "ok");
      assertThat(exitCode).as("the suite's exit code\n%s", report).isZero();
    }
  }

  /** The virtual environment's Python; skips (outside CI) or fails (CI) when it is not there. */
  private static Path harnessPython() {
    String servicesDir = System.getenv("OTELITE_SERVICES_DIR");
    Path python =
        Path.of(
                servicesDir == null || servicesDir.isBlank()
                    ? "/tmp/otelite-services"
                    : servicesDir)
            .resolve("w3c-trace-context-venv/bin/python");
    String missing = null;
    if (!Files.isRegularFile(SUITE.resolve("test.py"))) {
      missing = "no W3C Trace Context suite at " + SUITE;
    } else if (!Files.isExecutable(python) || !importsAiohttp(python)) {
      missing =
          "no Python with aiohttp at " + python + "; scripts/start-services.sh makes it (PyPI)";
    }
    if (missing != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(missing + " - CI=true requires it");
      }
      System.err.println(W3cTraceContextConformanceTest.class.getSimpleName() + ": " + missing);
      Assumptions.abort(missing);
    }
    return python;
  }

  private static boolean importsAiohttp(Path python) {
    try {
      Process check =
          new ProcessBuilder(python.toString(), "-c", "import aiohttp")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The test service as a webapp folder: the servlet compiled against the distribution's servlet
   * API, and Jackson in {@code WEB-INF/lib}, as an application bundles its libraries.
   */
  private static Path testServiceWebapp(TomcatDistribution tomcat)
      throws IOException, URISyntaxException {
    List<Path> jackson =
        List.of(jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonProperty.class));
    List<Path> compileClassPath = new ArrayList<>(jackson);
    compileClassPath.add(tomcat.lib().resolve("servlet-api.jar"));
    SmallApp app = SmallApp.compile("tracecontext", compileClassPath);

    Path webapp = Locations.moduleTarget().resolve("apps/tracecontext/webapp");
    Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
    Path classes = Files.createDirectories(webapp.resolve("WEB-INF/classes"));
    for (Path jar : jackson) {
      Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    try (var files = Files.list(app.classes())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, classes.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return webapp;
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Until the webapp answers an empty list of calls with 200 (Tomcat deploys it after start). */
  private static void awaitService(ManagedProcess server, String endpoint) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest emptyList =
        HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[]"))
            .build();
    Await.until(
        "the test service at " + endpoint,
        SERVER_START_BOUND,
        () -> {
          if (!server.isAlive()) {
            throw new AssertionError("Tomcat exited\n" + server.tail());
          }
          try {
            int status = http.send(emptyList, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.of(status) : Optional.empty();
          } catch (IOException e) {
            return Optional.empty();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
          }
        },
        server::tail);
  }

  /**
   * Each test's outcome by {@code Class.test_name}, from unittest's verbose output: the name line,
   * then (on the same line, or after the docstring's first line) {@code ... outcome}.
   */
  static Map<String, String> outcomes(List<String> output) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    String current = null;
    for (String line : output) {
      Matcher name = TEST_NAME.matcher(line);
      if (name.find()) {
        current = name.group(2) + "." + name.group(1);
      }
      Matcher outcome = OUTCOME.matcher(line);
      if (current != null && outcome.find()) {
        outcomes.put(current, outcome.group(1));
        current = null;
      }
    }
    return outcomes;
  }

  private static List<String> level1(Map<String, String> outcomes) {
    return outcomes.keySet().stream()
        .filter(test -> test.startsWith("TraceContextTest.") || test.startsWith("AdvancedTest."))
        .collect(Collectors.toList());
  }

  /** A summary line, the suite's commit, and its whole output. */
  private static String report(Map<String, String> outcomes, List<String> output)
      throws IOException {
    List<String> level1 = level1(outcomes);
    long level1Passed = level1.stream().filter(test -> outcomes.get(test).equals("ok")).count();
    return "W3C Trace Context suite (commit "
        + suiteCommit()
        + ") against Tomcat 10.1 under the agent: level 1 "
        + level1Passed
        + " of "
        + level1.size()
        + " passed, level 2 "
        + LEVEL_2_TEST
        + " "
        + outcomes.getOrDefault(LEVEL_2_TEST, "not run")
        + "\n\n"
        + String.join("\n", output)
        + "\n";
  }

  /** The commit that {@code ../shared/third-party/README.md} says the copy is from. */
  private static String suiteCommit() throws IOException {
    Path readme = SUITE.getParent().resolve("README.md");
    if (!Files.isRegularFile(readme)) {
      return "unknown";
    }
    Matcher commit =
        Pattern.compile("commit ([0-9a-f]{40})")
            .matcher(Files.readString(readme, StandardCharsets.UTF_8));
    return commit.find() ? commit.group(1) : "unknown";
  }
}
