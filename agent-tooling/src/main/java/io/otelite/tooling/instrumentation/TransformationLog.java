package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** What was instrumented (debug log) and what could not be (one line per type and failure). */
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
    AgentLog.warnOnce(
        "transform|" + typeName,
        "could not instrument "
            + typeName
            + " ("
            + loaderName(classLoader)
            + "); it runs uninstrumented",
        throwable);
  }

  private static String loaderName(ClassLoader classLoader) {
    return classLoader == null ? "bootstrap loader" : classLoader.getClass().getName();
  }
}
