package io.otelite.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Implemented in the agent class loader: finds the advice method that an instrumented call site
 * calls.
 */
public interface AdviceLinker {
  CallSite link(
      MethodHandles.Lookup lookup,
      String adviceMethodName,
      MethodType adviceMethodType,
      Object[] args)
      throws Throwable;
}
