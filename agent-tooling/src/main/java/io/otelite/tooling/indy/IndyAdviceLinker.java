package io.otelite.tooling.indy;

import io.otelite.bootstrap.AdviceLinker;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links an instrumented call site to its advice method: the advice class is loaded by the module
 * class loader that belongs to the instrumented class's loader.
 */
public final class IndyAdviceLinker implements AdviceLinker {
  private final ModuleClassLoaders moduleClassLoaders;
  private final Map<String, String> helperPackageByAdviceClass = new ConcurrentHashMap<>();

  public IndyAdviceLinker(ClassLoader agentLoader) {
    this.moduleClassLoaders =
        new ModuleClassLoaders(agentLoader, helperPackageByAdviceClass::containsKey);
  }

  /** Called while installing, for every advice class a module uses. */
  public void registerAdvice(String adviceClassName, String helperPackage) {
    if (!adviceClassName.startsWith(helperPackage)) {
      throw new IllegalArgumentException(
          "advice " + adviceClassName + " must be in its module's helper package " + helperPackage);
    }
    helperPackageByAdviceClass.put(adviceClassName, helperPackage);
  }

  /**
   * {@code args} are the woven call site's: the advice class name. The site calls one static method
   * of the advice class, with exactly the site's type: the advice method or its {@code $orCurrent}
   * companion, both made harmless when the advice class was defined ({@code HarmlessAdvice}).
   */
  @Override
  public CallSite link(
      MethodHandles.Lookup lookup, String adviceMethodName, MethodType siteType, Object[] args)
      throws Throwable {
    String adviceClassName = (String) args[0];
    String helperPackage = helperPackageByAdviceClass.get(adviceClassName);
    if (helperPackage == null) {
      throw new IllegalStateException("unknown advice class " + adviceClassName);
    }
    ClassLoader moduleLoader =
        moduleClassLoaders.get(lookup.lookupClass().getClassLoader(), helperPackage);
    Class<?> adviceClass = Class.forName(adviceClassName, true, moduleLoader);
    return new ConstantCallSite(
        MethodHandles.publicLookup().findStatic(adviceClass, adviceMethodName, siteType));
  }
}
