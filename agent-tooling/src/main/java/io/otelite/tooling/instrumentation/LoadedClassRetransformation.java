package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves the classes loaded before the transformer was registered (the JDK's executors at premain;
 * everything when the agent is attached to a running JVM): selects those some instrumentation
 * matches and retransforms them, all in one call.
 */
final class LoadedClassRetransformation {
  private LoadedClassRetransformation() {}

  static void retransform(Instrumentation instrumentation, AdviceTransformer transformer) {
    retransform(instrumentation, select(instrumentation, transformer));
  }

  private static List<Class<?>> select(
      Instrumentation instrumentation, AdviceTransformer transformer) {
    List<Class<?>> selected = new ArrayList<>();
    Map<ClassLoader, TypePool> typePools = new HashMap<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(type)
          && transformer.wouldWeave(
              type,
              typePools.computeIfAbsent(
                  type.getClassLoader(),
                  loader -> TypePools.lazy(ClassFileLocator.ForClassLoader.of(loader))))) {
        selected.add(type);
      }
    }
    return selected;
  }

  /**
   * All at once; should that fail, one by one, so that one class cannot keep the others unwoven.
   */
  static void retransform(Instrumentation instrumentation, List<Class<?>> selected) {
    if (selected.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(selected.toArray(new Class<?>[0]));
    } catch (Throwable batchFailed) {
      for (Class<?> type : selected) {
        retransformOne(instrumentation, type);
      }
    }
  }

  private static void retransformOne(Instrumentation instrumentation, Class<?> type) {
    try {
      instrumentation.retransformClasses(type);
    } catch (Throwable failure) {
      AgentLog.warnOnce(
          "retransform|" + type.getName(),
          "could not instrument the loaded class " + type.getName() + "; it runs uninstrumented",
          failure);
    }
  }
}
