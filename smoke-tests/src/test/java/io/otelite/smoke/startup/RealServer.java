package io.otelite.smoke.startup;

import io.otelite.harness.ManagedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A server as its users install and start it: a distribution from Maven Central launched by its own
 * script or start jar, or an executable application jar. Each start gets a fresh base directory of
 * its own.
 */
public interface RealServer {
  String name();

  /** The path whose first 200 says the server is up. */
  String firstRequestPath();

  /**
   * Starts the server on {@code port} under the agent, with {@code jvmOptions} added to the JVM's
   * command line the way its users add them ({@code CATALINA_OPTS}, the java command) and {@code
   * environment} set.
   */
  ManagedProcess start(
      Path agentJar, int port, List<String> jvmOptions, Map<String, String> environment);
}
