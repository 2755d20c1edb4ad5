package io.otelite.smoke.startup;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stock Apache Tomcat binary distribution (the {@code org.apache.tomcat:tomcat} zip), unchanged,
 * started by {@code bin/catalina.sh run} with juli, its own LogManager, as its users start it. Each
 * start gets its own {@code CATALINA_BASE} (the distribution's conf and ROOT webapp) with the HTTP
 * port set and the shutdown port off, which is how several Tomcats share one installation. Wars and
 * webapp folders given to {@link #withWar} and {@link #withWebapp} are deployed into that base as a
 * user drops them into {@code webapps/}.
 */
public final class TomcatDistribution implements RealServer {
  private final String version;
  private final Path home;
  private final BaseSetUp setUp;

  /** What a user changes in {@code CATALINA_BASE} before the start (server.xml, webapps). */
  public interface BaseSetUp {
    void apply(Path base) throws IOException;
  }

  public TomcatDistribution(String version) {
    this(version, base -> {});
  }

  private TomcatDistribution(String version, BaseSetUp setUp) {
    this.version = version;
    this.home = Locations.moduleTarget().resolve("distributions/apache-tomcat-" + version);
    this.setUp = setUp;
  }

  /**
   * The distribution's version that smoke-tests/pom.xml names in {@code property}, e.g. {@code
   * otelite.tomcat10.distribution}.
   */
  public static TomcatDistribution named(String property) {
    return new TomcatDistribution(Locations.distributionVersion(property));
  }

  /** The same distribution, with {@code more} applied to each start's base. */
  public TomcatDistribution withBase(BaseSetUp more) {
    return new TomcatDistribution(
        version,
        base -> {
          setUp.apply(base);
          more.apply(base);
        });
  }

  /** The same distribution with the exploded webapp {@code folder} at the context path /name. */
  public TomcatDistribution withWebapp(String name, Path folder) {
    return withBase(base -> copyTree(folder, base.resolve("webapps").resolve(name)));
  }

  /** The same distribution with {@code war} in {@code webapps/}, deployed as Tomcat deploys it. */
  public TomcatDistribution withWar(Path war) {
    return withBase(base -> Files.copy(war, base.resolve("webapps").resolve(war.getFileName())));
  }

  /**
   * Lib folder of the installation, where {@code servlet-api.jar} is, to compile webapps against.
   */
  public Path lib() {
    return home.resolve("lib");
  }

  @Override
  public String name() {
    return "tomcat-" + version;
  }

  @Override
  public String firstRequestPath() {
    return "/";
  }

  @Override
  public ManagedProcess start(
      Path agentJar, int port, List<String> jvmOptions, Map<String, String> environment) {
    Path base = newBase(port);
    ManagedProcess.Builder builder =
        ManagedProcess.program(name(), Path.of("/bin/sh"))
            .command(home.resolve("bin/catalina.sh").toString(), "run")
            .workingDirectory(base)
            .env("CATALINA_HOME", home.toString())
            .env("CATALINA_BASE", base.toString())
            .env("JAVA_HOME", Locations.javaHome().toString())
            .env("CATALINA_OPTS", "-javaagent:" + agentJar + " " + String.join(" ", jvmOptions));
    environment.forEach(builder::env);
    return builder.start();
  }

  private Path newBase(int port) {
    try {
      Path base =
          Files.createTempDirectory(Locations.moduleTarget(), "catalina-base-" + version + "-");
      copyTree(home.resolve("conf"), base.resolve("conf"));
      copyTree(home.resolve("webapps/ROOT"), base.resolve("webapps/ROOT"));
      for (String folder : List.of("logs", "temp", "work")) {
        Files.createDirectories(base.resolve(folder));
      }
      Path serverXml = base.resolve("conf/server.xml");
      String config = Files.readString(serverXml, StandardCharsets.UTF_8);
      Files.writeString(
          serverXml,
          config
              .replace("port=\"8005\"", "port=\"-1\"")
              .replace("port=\"8080\"", "port=\"" + port + "\""),
          StandardCharsets.UTF_8);
      setUp.apply(base);
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
