package io.otelite.bootstrap;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The agent's entry points: {@code -javaagent} (premain), attach at run time (agentmain) and {@code
 * java -jar otelite-agent.jar} (main).
 *
 * <p>The JVM loads this class with the system class loader, because the agent jar is on the class
 * path. It therefore only puts the bootstrap package into the bootstrap loader ({@link
 * BootstrapClasses}) and hands over, by reflection, to {@link AgentStarter} as loaded by the
 * bootstrap loader; everything else lives in the isolated {@link AgentClassLoader}.
 */
public final class OteliteAgent {
  private OteliteAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation, false);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation, true);
  }

  /**
   * {@code java -jar otelite-agent.jar [--check [app.jar]]}: version, modules, effective
   * configuration.
   */
  public static void main(String[] args) throws Exception {
    AgentClassLoader agentLoader = new AgentClassLoader(agentJar());
    Class<?> cli = agentLoader.loadClass("io.otelite.tooling.cli.AgentCli");
    int status = (int) cli.getMethod("run", String[].class).invoke(null, (Object) args);
    System.exit(status);
  }

  private static void start(String agentArgs, Instrumentation instrumentation, boolean attached) {
    try {
      File jar = agentJar();
      defineBootstrapPackage(instrumentation, jar);
      Class.forName("io.otelite.bootstrap.AgentStarter", true, null)
          .getMethod("start", File.class, Instrumentation.class, boolean.class)
          .invoke(null, jar, instrumentation, attached);
    } catch (Throwable t) {
      System.err.println(
          "[otelite] the agent could not start, the application runs without it: " + t);
    }
  }

  private static void defineBootstrapPackage(Instrumentation instrumentation, File jar)
      throws IOException {
    try {
      BootstrapClasses.define(instrumentation, jar.toURI().toURL());
    } catch (Exception | LinkageError unsupported) {
      // a JDK without the internal Unsafe.defineClass: the search path works on every JDK, at the
      // cost of the JVM's warning and of class-data sharing outside the boot loader
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }
  }

  private static File agentJar() throws Exception {
    return new File(OteliteAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
