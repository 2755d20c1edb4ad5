package io.otelite.tooling.startup;

import io.otelite.instrumentation.api.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the agent's start-up work that may reach {@code java.util.logging} through the JDK
 * (JMX and GC listeners, the Prometheus HTTP server, whose JDK classes log through {@code
 * System.Logger}) until the application has set its own logging up, when it does so with a
 * LogManager or configuration class of its own ({@code java.util.logging.manager}, {@code
 * java.util.logging.config.class}: Tomcat's juli, JBoss LogManager, Log4j's JUL bridge).
 *
 * <p>Why: the first use of java.util.logging fixes the JVM's LogManager for good and reads its
 * configuration on the thread that comes first. From premain that would be before the application
 * chose its LogManager; from an agent thread it would run the application's logging set-up on the
 * wrong thread, or wait for the lock that the application holds while it reads its configuration
 * (Tomcat: a start-up that never finishes).
 *
 * <p>When: an advice on {@code LogManager.ensureLogManagerInitialized} reports the end of the
 * application's own initialisation ({@code logmanager} package); a thread of the agent's, started
 * in premain, then runs the held work. An application that sets a LogManager and then never logs
 * gets the work after {@link #FALLBACK_MILLIS}. Without either property nothing is held: the JDK
 * then keeps its own loggers from initialising java.util.logging before the application does.
 */
public final class AfterApplicationLogging {
  /**
   * How long held work waits for an application that names a LogManager but never initialises it.
   */
  static final long FALLBACK_MILLIS = 60_000;

  private static final Object LOCK = new Object();
  private static final List<Runnable> held = new ArrayList<>();
  private static final CountDownLatch logManagerInitialized = new CountDownLatch(1);
  private static final CountDownLatch released = new CountDownLatch(1);
  private static boolean holding;

  private AfterApplicationLogging() {}

  /**
   * Decides, in premain before anything is held, whether this JVM's application sets its logging up
   * itself; if so, starts the thread that waits for it. Without this call nothing is ever held
   * (in-process tests).
   */
  public static void decide(Instrumentation instrumentation) {
    String reason = applicationLoggingSetting();
    if (reason == null || logManagerAlreadyLoaded(instrumentation)) {
      return;
    }
    synchronized (LOCK) {
      holding = true;
    }
    AgentLog.debug(
        reason
            + " is set: JMX listeners and the Prometheus server start once the application's logging is set up");
    Thread waiter =
        new Thread(AfterApplicationLogging::awaitAndRun, "otelite-after-application-logging");
    waiter.setDaemon(true);
    waiter.start();
  }

  /**
   * Runs {@code work} now, or once the application's logging is set up when {@link #decide} said to
   * wait.
   */
  public static void run(Runnable work) {
    synchronized (LOCK) {
      if (holding) {
        held.add(work);
        return;
      }
    }
    work.run();
  }

  /**
   * Called by the LogManager advice, on the application's thread, once the LogManager is
   * initialised.
   */
  public static void logManagerInitialized() {
    logManagerInitialized.countDown();
  }

  /**
   * Waits, at most {@code timeoutNanos}, until nothing is held; {@code true} at once when nothing
   * ever was. For work that cannot be queued, as an export that must answer within its timeout.
   */
  public static boolean awaitRelease(long timeoutNanos) throws InterruptedException {
    synchronized (LOCK) {
      if (!holding) {
        return true;
      }
    }
    return released.await(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Whether work is held right now; for tests. */
  static boolean isHolding() {
    synchronized (LOCK) {
      return holding;
    }
  }

  private static void awaitAndRun() {
    try {
      if (!logManagerInitialized.await(FALLBACK_MILLIS, TimeUnit.MILLISECONDS)) {
        AgentLog.debug(
            "the application has not initialised java.util.logging after "
                + FALLBACK_MILLIS
                + " ms; starting the held work");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Runnable> work;
    synchronized (LOCK) {
      holding = false;
      work = new ArrayList<>(held);
      held.clear();
    }
    released.countDown();
    for (Runnable each : work) {
      try {
        each.run();
      } catch (RuntimeException | LinkageError e) {
        AgentLog.warn("start-up work after the application's logging set-up failed: " + e);
      }
    }
  }

  private static String applicationLoggingSetting() {
    for (String property :
        new String[] {"java.util.logging.manager", "java.util.logging.config.class"}) {
      if (System.getProperty(property) != null) {
        return property;
      }
    }
    return null;
  }

  /**
   * Loaded before premain (another agent, an attach at run time): initialised already, nothing to
   * wait for.
   */
  private static boolean logManagerAlreadyLoaded(Instrumentation instrumentation) {
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (loaded.getName().equals("java.util.logging.LogManager")) {
        return true;
      }
    }
    return false;
  }
}
