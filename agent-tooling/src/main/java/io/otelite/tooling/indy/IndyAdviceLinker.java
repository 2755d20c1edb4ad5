package io.otelite.tooling.indy;

import io.otelite.bootstrap.AdviceFailures;
import io.otelite.bootstrap.AdviceLinker;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links an instrumented call site to its advice method: the advice class is loaded by the module
 * class loader that belongs to the instrumented class's loader.
 */
public final class IndyAdviceLinker implements AdviceLinker {
  private static final MethodHandle REPORT_FAILURE;
  private static final MethodHandle KEEP_CURRENT_ON_DEFAULT;

  static {
    try {
      REPORT_FAILURE =
          MethodHandles.publicLookup()
              .findStatic(
                  AdviceFailures.class,
                  "onAdviceFailure",
                  MethodType.methodType(void.class, Throwable.class));
      KEEP_CURRENT_ON_DEFAULT =
          MethodHandles.lookup()
              .findStatic(
                  IndyAdviceLinker.class,
                  "keepCurrentOnDefault",
                  MethodType.methodType(Object.class, Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ModuleClassLoaders moduleClassLoaders;
  private final Map<String, String> helperPackageByAdviceClass = new ConcurrentHashMap<>();

  public IndyAdviceLinker(ClassLoader agentLoader) {
    this.moduleClassLoaders = new ModuleClassLoaders(agentLoader);
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
   * {@code args} are the woven call site's: the advice class name and, for a site whose result
   * replaces a value, the advice method's type (the site then takes the current value last).
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
    boolean replacing = args.length > 1;
    MethodType adviceType = replacing ? (MethodType) args[1] : siteType;
    MethodHandle advice =
        suppressingFailures(
            MethodHandles.publicLookup().findStatic(adviceClass, adviceMethodName, adviceType));
    if (replacing) {
      Class<?> replaced = siteType.returnType();
      MethodHandle choice =
          KEEP_CURRENT_ON_DEFAULT.asType(
              MethodType.methodType(replaced, adviceType.returnType(), replaced));
      advice = MethodHandles.collectArguments(choice, 0, advice);
    }
    return new ConstantCallSite(advice.asType(siteType));
  }

  /**
   * The advice, made harmless: whatever it throws is reported and the call returns the default
   * value of its type, so the instrumented method goes on as without the agent.
   */
  private static MethodHandle suppressingFailures(MethodHandle advice) {
    MethodHandle defaultValue =
        MethodHandles.dropArguments(MethodHandles.empty(advice.type()), 0, Throwable.class);
    return MethodHandles.catchException(
        advice, Throwable.class, MethodHandles.foldArguments(defaultValue, REPORT_FAILURE));
  }

  /**
   * Byte Buddy's rule for advice that replaces a value: its default value (null, zero, false),
   * which is also what failing advice returns, leaves the value as it is.
   */
  private static Object keepCurrentOnDefault(Object result, Object current) {
    return isDefault(result) ? current : result;
  }

  private static boolean isDefault(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return true;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue() == 0 && ((Number) value).longValue() == 0;
    }
    return value instanceof Character && (Character) value == 0;
  }
}
