package io.otelite.smoke.startup;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Eclipse Jetty's {@code jetty-home} distribution started with {@code java -jar start.jar} from a
 * {@code JETTY_BASE} of its own, set up as the Jetty documentation says ({@code
 * --add-modules=http,ee10-deploy}) with one static web application as {@code /}, served by Jetty's
 * default servlet.
 */
public final class JettyHome implements RealServer {
  private final String version;
  private final Path home;
  private final List<Path> wars;

  public JettyHome(String version) {
    this(version, List.of());
  }

  private JettyHome(String version, List<Path> wars) {
    this.version = version;
    this.home = Locations.moduleTarget().resolve("distributions/jetty-home-" + version);
    this.wars = wars;
  }

  /** The same distribution with {@code war} in {@code webapps/}, deployed by Jetty's deployer. */
  public JettyHome withWar(Path war) {
    List<Path> all = new ArrayList<>(wars);
    all.add(war);
    return new JettyHome(version, List.copyOf(all));
  }

  @Override
  public String name() {
    return "jetty-" + version;
  }

  @Override
  public String firstRequestPath() {
    return "/";
  }

  @Override
  public ManagedProcess start(
      Path agentJar, int port, List<String> jvmOptions, Map<String, String> environment) {
    Path base = newBase();
    List<String> command = new ArrayList<>();
    command.add("-javaagent:" + agentJar);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(home.resolve("start.jar").toString());
    command.add("jetty.http.port=" + port);
    ManagedProcess.Builder builder =
        ManagedProcess.java(name()).command(command.toArray(String[]::new)).workingDirectory(base);
    environment.forEach(builder::env);
    return builder.start();
  }

  private Path newBase() {
    try {
      Path base =
          Files.createTempDirectory(Locations.moduleTarget(), "jetty-base-" + version + "-");
      try (ManagedProcess setup =
          ManagedProcess.java(name() + "-setup")
              .command(
                  "-jar", home.resolve("start.jar").toString(), "--add-modules=http,ee10-deploy")
              .workingDirectory(base)
              .start()) {
        int exit = setup.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
          throw new AssertionError("jetty base set-up failed\n" + setup.tail());
        }
      }
      Path root = Files.createDirectories(base.resolve("webapps/root"));
      for (Path war : wars) {
        Files.copy(war, base.resolve("webapps").resolve(war.getFileName()));
      }
      Files.writeString(
          root.resolve("index.html"),
          "<html><body>hello from jetty</body></html>\n",
          StandardCharsets.UTF_8);
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
