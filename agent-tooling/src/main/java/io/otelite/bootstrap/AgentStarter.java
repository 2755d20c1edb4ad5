package io.otelite.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;

/**
 * Runs in the bootstrap class loader: creates the isolated agent class loader and starts the
 * installer in it.
 */
public final class AgentStarter {
  private static volatile ClassLoader agentClassLoader;

  private AgentStarter() {}

  public static synchronized void start(
      File agentJar, Instrumentation instrumentation, boolean attached) throws Exception {
    if (agentClassLoader != null) {
      System.err.println("[otelite] the agent is already running; ignoring the second start");
      return;
    }
    AgentClassLoader loader = new AgentClassLoader(agentJar);
    agentClassLoader = loader;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      loader
          .loadClass("io.otelite.tooling.AgentInstaller")
          .getMethod("install", Instrumentation.class, ClassLoader.class, boolean.class)
          .invoke(null, instrumentation, loader, attached);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The agent's class loader, or {@code null} before the agent started. */
  public static ClassLoader agentClassLoader() {
    return agentClassLoader;
  }
}
