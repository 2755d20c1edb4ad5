package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * What was instrumented (debug log) and what could not be (one line per type and failure). A class
 * whose hierarchy names a type missing from its class loader (an optional integration of a library,
 * such as Micrometer's Jersey listener in an application without Jersey) is no match for any
 * instrumentation: that costs the user no line, only a debug one.
 */
final class TransformationLog extends AgentBuilder.Listener.Adapter {
  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    if (AgentLog.isDebug()) {
      AgentLog.debug("instrumented " + type.getName() + " (" + loaderName(classLoader) + ")");
    }
  }

  @Override
  public void onError(
      String typeName,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      Throwable throwable) {
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
