package io.otelite.instrumentation.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own log: one line per event on stderr, prefixed so that it cannot be mistaken for the
 * application's output. Deliberately not java.util.logging or SLF4J, which belong to the
 * application.
 */
public final class AgentLog {
  private static final String PREFIX = "[otelite] ";
  private static final int MAX_ONCE_KEYS = 1000;
  private static final Set<String> LOGGED_ONCE = ConcurrentHashMap.newKeySet();
  private static volatile boolean debug;

  private AgentLog() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }

  public static void info(String message) {
    System.err.println(PREFIX + message);
  }

  public static void warn(String message) {
    System.err.println(PREFIX + "WARN " + message);
  }

  public static void debug(String message) {
    if (debug) {
      System.err.println(PREFIX + "DEBUG " + message);
    }
  }

  /**
   * Logs a warning the first time {@code key} is seen, and only in debug mode after that, so that a
   * fault that repeats on every request costs one line, not one per request.
   */
  public static void warnOnce(String key, String message, Throwable error) {
    boolean first = LOGGED_ONCE.size() < MAX_ONCE_KEYS && LOGGED_ONCE.add(key);
    if (first) {
      warn(
          message
              + (error == null ? "" : ": " + error)
              + (debug ? "" : " (further occurrences are logged with otel.javaagent.debug=true)"));
      if (debug && error != null) {
        error.printStackTrace();
      }
    } else if (debug) {
      debug(message + (error == null ? "" : ": " + error));
    }
  }
}
