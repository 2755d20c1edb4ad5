package io.otelite.tooling.instrumentation;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The type pool every description of a class is read from: class files parsed only as far as a
 * question needs (a name is answered without parsing), and never by loading a class, so describing
 * a class that is being loaded cannot load it or its hierarchy early.
 */
final class TypePools {
  private TypePools() {}

  static TypePool lazy(ClassFileLocator classFiles) {
    return new TypePool.LazyFacade(
        new TypePool.Default.WithLazyResolution(
            TypePool.CacheProvider.Simple.withObjectType(),
            classFiles,
            TypePool.Default.ReaderMode.FAST));
  }
}
