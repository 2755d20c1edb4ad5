package io.otelite.tooling.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the SDK's configuration errors into one line that names the key, the value and what is
 * accepted. The SDK's message already names the key and the value; for keys with a fixed set of
 * values we add the set.
 */
public final class ConfigErrors {
  private static final Map<String, String> ACCEPTED = new LinkedHashMap<>();

  static {
    String exporters = "otlp, console, logging, logging-otlp, zipkin, none";
    ACCEPTED.put("otel.traces.exporter", exporters);
    ACCEPTED.put("otel.metrics.exporter", "otlp, console, logging, logging-otlp, prometheus, none");
    ACCEPTED.put("otel.logs.exporter", "otlp, console, logging, logging-otlp, none");
    ACCEPTED.put(
        "otel.traces.sampler",
        "always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio");
    ACCEPTED.put(
        "otel.propagators", "tracecontext, baggage, b3, b3multi, jaeger, ottrace, xray, none");
    ACCEPTED.put("otel.exporter.otlp.protocol", "http/protobuf, grpc");
    ACCEPTED.put("otel.exporter.otlp.traces.protocol", "http/protobuf, grpc");
    ACCEPTED.put("otel.exporter.otlp.metrics.protocol", "http/protobuf, grpc");
    ACCEPTED.put("otel.exporter.otlp.logs.protocol", "http/protobuf, grpc");
    ACCEPTED.put("otel.exporter.otlp.endpoint", "an http:// or https:// URL");
    ACCEPTED.put("otel.exporter.otlp.traces.endpoint", "an http:// or https:// URL");
    ACCEPTED.put("otel.exporter.otlp.metrics.endpoint", "an http:// or https:// URL");
    ACCEPTED.put("otel.exporter.otlp.logs.endpoint", "an http:// or https:// URL");
  }

  /** Messages of the SDK that do not name their key, and the key they are about. */
  private static final Map<String, String> KEY_BY_MESSAGE = new LinkedHashMap<>();

  static {
    KEY_BY_MESSAGE.put("OTLP traces protocol", "otel.exporter.otlp.protocol");
    KEY_BY_MESSAGE.put("OTLP metrics protocol", "otel.exporter.otlp.protocol");
    KEY_BY_MESSAGE.put("OTLP logs protocol", "otel.exporter.otlp.protocol");
    KEY_BY_MESSAGE.put("OTLP endpoint", "otel.exporter.otlp.endpoint");
  }

  private ConfigErrors() {}

  public static String describe(Throwable error) {
    String message = String.valueOf(error.getMessage()).replace('\n', ' ');
    StringBuilder line = new StringBuilder("invalid configuration: ").append(message);
    String key = mentionedKey(message);
    if (key == null) {
      key = keyOfUnnamedMessage(message);
      if (key != null) {
        line.append(" (key ").append(key).append(" or its per-signal variant)");
      }
    }
    if (key != null) {
      line.append(" (accepted for ").append(key).append(": ").append(ACCEPTED.get(key)).append(')');
    }
    return line.toString();
  }

  private static String keyOfUnnamedMessage(String message) {
    for (Map.Entry<String, String> fragment : KEY_BY_MESSAGE.entrySet()) {
      if (message.contains(fragment.getKey())) {
        return fragment.getValue();
      }
    }
    return null;
  }

  private static String mentionedKey(String message) {
    String found = null;
    for (String key : ACCEPTED.keySet()) {
      // the longest mentioned key wins: otel.exporter.otlp.traces.protocol over
      // otel.exporter.otlp.protocol
      if (message.contains(key) && (found == null || key.length() > found.length())) {
        found = key;
      }
    }
    return found;
  }
}
