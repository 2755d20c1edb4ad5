package io.otelite.tooling.instrumentation;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader can see a library's marker classes. Asked while classes load, so the
 * answer is cached per class loader (weakly: undeployed webapps are not kept alive).
 */
final class LibraryPresence {
  private static final Object BOOTSTRAP = new Object();

  private final List<String> markerResources;
  private final Map<Object, Boolean> cache = new WeakHashMap<>();

  LibraryPresence(List<String> markerClassNames) {
    this.markerResources =
        markerClassNames.stream()
            .map(name -> name.replace('.', '/') + ".class")
            .collect(java.util.stream.Collectors.toList());
  }

  boolean isPresentIn(ClassLoader classLoader) {
    if (markerResources.isEmpty()) {
      return true;
    }
    Object key = classLoader == null ? BOOTSTRAP : classLoader;
    synchronized (cache) {
      Boolean present = cache.get(key);
      if (present == null) {
        present = lookUp(classLoader);
        cache.put(key, present);
      }
      return present;
    }
  }

  private boolean lookUp(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? ClassLoader.getPlatformClassLoader() : classLoader;
    for (String resource : markerResources) {
      if (loader.getResource(resource) == null) {
        return false;
      }
    }
    return true;
  }
}
