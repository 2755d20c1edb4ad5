package io.otelite.tooling.instrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.Set;

/**
 * Instrumented code calls {@code io.otelite.bootstrap.IndyBootstrap} (in the bootstrap loader's
 * unnamed module) from its {@code invokedynamic} instructions; a class in a named module, such as
 * the JDK's {@code java.net.http}, may only do so once its module reads that one.
 */
final class ModuleReadEdges {
  private final Instrumentation instrumentation;
  private final Module target;

  ModuleReadEdges(Instrumentation instrumentation, Class<?> targetClass) {
    this.instrumentation = instrumentation;
    this.target = targetClass.getModule();
  }

  void assureReadable(Module from) {
    if (from != null && from.isNamed() && !from.canRead(target)) {
      Set<Module> reads = Collections.singleton(target);
      instrumentation.redefineModule(
          from,
          reads,
          Collections.emptyMap(),
          Collections.emptyMap(),
          Collections.emptySet(),
          Collections.emptyMap());
    }
  }
}
