package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.AgentLog;
import net.bytebuddy.pool.TypePool;

/**
 * What was instrumented (debug log) and what could not be (one line per type and failure). A class
 * whose hierarchy names a type missing from its class loader (an optional integration of a library,
 * such as Micrometer's Jersey listener in an application without Jersey) is no match for any
 * instrumentation: that costs the user no line, only a debug one.
 */
final class TransformationLog {
  void transformed(String typeName, ClassLoader classLoader) {
    if (AgentLog.isDebug()) {
      AgentLog.debug("instrumented " + typeName + " (" + loaderName(classLoader) + ")");
    }
  }

  void failed(String typeName, ClassLoader classLoader, Throwable throwable) {
    TypePool.Resolution.NoSuchTypeException missingType = missingType(throwable);
    if (missingType != null) {
      if (AgentLog.isDebug()) {
        AgentLog.debug(
            "skipped "
                + typeName
                + " ("
                + loaderName(classLoader)
                + "): its hierarchy names a type that is not there: "
                + missingType.getMessage());
      }
      return;
    }
    AgentLog.warnOnce(
        "transform|" + typeName,
        "could not instrument "
            + typeName
            + " ("
            + loaderName(classLoader)
            + "); it runs uninstrumented",
        throwable);
  }

  private static TypePool.Resolution.NoSuchTypeException missingType(Throwable throwable) {
    for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
      if (cause instanceof TypePool.Resolution.NoSuchTypeException) {
        return (TypePool.Resolution.NoSuchTypeException) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static String loaderName(ClassLoader classLoader) {
    return classLoader == null ? "bootstrap loader" : classLoader.getClass().getName();
  }
}
