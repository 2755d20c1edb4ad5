package io.otelite.instrumentation.servlet;

import io.otelite.instrumentation.api.CallDepth;

/**
 * How deeply servlet and filter calls are nested on this thread; only the outermost call of a
 * request starts or resumes its span. This class lives outside the javax and jakarta helper
 * packages on purpose: those are loaded once per application class loader, and a filter in a
 * webapp's loader and {@code HttpServlet} in the container's loader must count on the same counter.
 */
public final class ServletCallDepth {
  private ServletCallDepth() {}

  public static CallDepth get() {
    return CallDepth.forKind(ServletCallDepth.class);
  }
}
