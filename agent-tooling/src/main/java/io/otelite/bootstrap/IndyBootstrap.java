package io.otelite.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap method of every {@code invokedynamic} call that instrumented code makes into
 * advice.
 *
 * <p>This class is on the bootstrap search path, so code of any class loader (the JDK's own classes
 * included) can name it. It links the call to the advice class loaded next to the instrumented
 * class; if that fails, the call site does nothing and returns default values, so the application
 * is never broken.
 */
public final class IndyBootstrap {
  private static volatile AdviceLinker linker;

  private IndyBootstrap() {}

  public static void setLinker(AdviceLinker adviceLinker) {
    linker = adviceLinker;
  }

  public static CallSite bootstrap(
      MethodHandles.Lookup lookup,
      String adviceMethodName,
      MethodType adviceMethodType,
      Object... args) {
    AdviceLinker current = linker;
    if (current != null) {
      try {
        return current.link(lookup, adviceMethodName, adviceMethodType, args);
      } catch (Throwable t) {
        AdviceFailures.onLinkFailure(lookup.lookupClass(), adviceMethodName, t);
      }
    }
    return new ConstantCallSite(MethodHandles.empty(adviceMethodType));
  }
}
