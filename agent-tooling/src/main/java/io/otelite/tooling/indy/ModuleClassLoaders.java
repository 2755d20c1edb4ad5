package io.otelite.tooling.indy;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One {@link ModuleClassLoader} per (application class loader, module).
 *
 * <p>Keys are weak and so are the values: a module class loader references its application class
 * loader, so a strong value would keep the key alive forever and leak undeployed webapps. What
 * keeps a module class loader alive is the instrumented code itself (its linked call sites hold the
 * advice classes), which lives exactly as long as the application class loader. Only linking, which
 * happens once per call site, comes here, so the lock is off the hot path.
 */
final class ModuleClassLoaders {
  private final ClassLoader agentLoader;
  private final Predicate<String> isAdviceClass;
  private final Map<ClassLoader, Map<String, WeakReference<ModuleClassLoader>>>
      byApplicationLoader = new WeakHashMap<>();
  private final Map<String, ModuleClassLoader> forBootstrapClasses = new ConcurrentHashMap<>();

  ModuleClassLoaders(ClassLoader agentLoader, Predicate<String> isAdviceClass) {
    this.agentLoader = agentLoader;
    this.isAdviceClass = isAdviceClass;
  }

  ClassLoader get(ClassLoader applicationLoader, String helperPackage) {
    if (applicationLoader == null) {
      return forBootstrapClasses.computeIfAbsent(
          helperPackage, p -> new ModuleClassLoader(null, agentLoader, p, isAdviceClass));
    }
    synchronized (byApplicationLoader) {
      Map<String, WeakReference<ModuleClassLoader>> modules =
          byApplicationLoader.computeIfAbsent(applicationLoader, l -> new ConcurrentHashMap<>());
      WeakReference<ModuleClassLoader> reference = modules.get(helperPackage);
      ModuleClassLoader loader = reference == null ? null : reference.get();
      if (loader == null) {
        loader =
            new ModuleClassLoader(applicationLoader, agentLoader, helperPackage, isAdviceClass);
        modules.put(helperPackage, new WeakReference<>(loader));
      }
      return loader;
    }
  }
}
