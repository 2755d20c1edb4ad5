package io.otelite.smoke.startup;

import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Spring Boot executable fat jar (embedded Tomcat, Logback), started with {@code java -jar}. */
final class SpringBootFatJar implements RealServer {
  private final String name;
  private final Path jar;
  private final String firstRequestPath;

  SpringBootFatJar(String name, Path jar, String firstRequestPath) {
    this.name = name;
    this.jar = jar;
    this.firstRequestPath = firstRequestPath;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String firstRequestPath() {
    return firstRequestPath;
  }

  @Override
  public ManagedProcess start(
      Path agentJar, int port, List<String> jvmOptions, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add("-javaagent:" + agentJar);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    ManagedProcess.Builder builder =
        ManagedProcess.java(name)
            .command(command.toArray(String[]::new))
            .workingDirectory(Locations.moduleTarget());
    environment.forEach(builder::env);
    return builder.start();
  }

  @Override
  public String toString() {
    return name();
  }
}
