package io.otelite.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.otelite.instrumentation.api.trace.AgentTracing;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's version, from the build: {@code telemetry.distro.version} on the resource, and the
 * version of every instrumentation scope the agent's modules report (as the OpenTelemetry agent
 * reports its own version on each of its scopes), so that a backend can tell which build made a
 * span.
 */
public final class AgentVersion {
  private static final String VERSION = load();

  private AgentVersion() {}

  public static String get() {
    return VERSION;
  }

  /** The tracer of one of the agent's scopes, at the agent's version (see {@link AgentTracing}). */
  public static Tracer tracer(OpenTelemetry openTelemetry, String scopeName) {
    return AgentTracing.tracer(openTelemetry, scopeName, VERSION);
  }

  /** The meter of one of the agent's scopes, at the agent's version. */
  public static Meter meter(OpenTelemetry openTelemetry, String scopeName) {
    return openTelemetry.meterBuilder(scopeName).setInstrumentationVersion(VERSION).build();
  }

  private static String load() {
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
