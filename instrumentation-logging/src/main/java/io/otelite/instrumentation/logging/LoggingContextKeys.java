package io.otelite.instrumentation.logging;

import io.otelite.instrumentation.api.InstrumentationConfig;

/**
 * The MDC (Logback) and context data (Log4j 2) keys under which the current span's ids appear, so
 * that a pattern such as {@code %X{trace_id}} prints them. Keys and defaults are the OpenTelemetry
 * Java agent's.
 *
 * <p>Outside the library packages on purpose: loaded once, in the agent's class loader, and shared
 * by the instrumentation of every application class loader.
 */
public final class LoggingContextKeys {
  public static final String TRACE_ID =
      InstrumentationConfig.getString("otel.instrumentation.common.logging.trace-id", "trace_id");
  public static final String SPAN_ID =
      InstrumentationConfig.getString("otel.instrumentation.common.logging.span-id", "span_id");
  public static final String TRACE_FLAGS =
      InstrumentationConfig.getString(
          "otel.instrumentation.common.logging.trace-flags", "trace_flags");

  private LoggingContextKeys() {}
}
