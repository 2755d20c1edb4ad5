package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.WeakIdentityMap;
import java.util.List;

/**
 * Whether a class loader can see a library's marker classes. Asked while classes load, so the
 * answer is cached per class loader (weakly: undeployed webapps are not kept alive), and without a
 * lock: class loading often runs on a virtual thread, which a monitor held across the resource
 * look-up would pin. Two threads may look up the same loader at once; both get the same answer.
 */
final class LibraryPresence {
  private final List<String> markerResources;
  private final WeakIdentityMap<ClassLoader, Boolean> cache = new WeakIdentityMap<>();
  private volatile Boolean presentInBootstrap;

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
    Boolean present = classLoader == null ? presentInBootstrap : cache.get(classLoader);
    if (present == null) {
      present = lookUp(classLoader);
      if (classLoader == null) {
        presentInBootstrap = present;
      } else {
        cache.put(classLoader, present);
      }
    }
    return present;
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
