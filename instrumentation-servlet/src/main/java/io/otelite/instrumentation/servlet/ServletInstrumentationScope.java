package io.otelite.instrumentation.servlet;

import io.otelite.instrumentation.api.AgentVersion;

/**
 * The instrumentation scope (tracer and meter name and version) of the servlet spans and metrics.
 */
public final class ServletInstrumentationScope {
  public static final String NAME = "io.otelite.servlet";
  public static final String VERSION = AgentVersion.get();

  private ServletInstrumentationScope() {}
}
