package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;

/**
 * The application's attribute keys and attributes as the agent's. Values need no conversion: both
 * sides hold the same Java types ({@code String}, {@code Long}, {@code List<String>}, ...).
 */
final class AttributesBridge {
  private AttributesBridge() {}

  /**
   * The agent's key of the same name and type; null for a type this bridge does not know (none in
   * 1.x).
   */
  @SuppressWarnings("unchecked")
  static <T> io.opentelemetry.api.common.AttributeKey<T> toAgent(AttributeKey<T> key) {
    if (key == null || key.getType() == null) {
      return null;
    }
    String name = key.getKey();
    Object agentKey;
    switch (key.getType()) {
      case STRING:
        agentKey = io.opentelemetry.api.common.AttributeKey.stringKey(name);
        break;
      case BOOLEAN:
        agentKey = io.opentelemetry.api.common.AttributeKey.booleanKey(name);
        break;
      case LONG:
        agentKey = io.opentelemetry.api.common.AttributeKey.longKey(name);
        break;
      case DOUBLE:
        agentKey = io.opentelemetry.api.common.AttributeKey.doubleKey(name);
        break;
      case STRING_ARRAY:
        agentKey = io.opentelemetry.api.common.AttributeKey.stringArrayKey(name);
        break;
      case BOOLEAN_ARRAY:
        agentKey = io.opentelemetry.api.common.AttributeKey.booleanArrayKey(name);
        break;
      case LONG_ARRAY:
        agentKey = io.opentelemetry.api.common.AttributeKey.longArrayKey(name);
        break;
      case DOUBLE_ARRAY:
        agentKey = io.opentelemetry.api.common.AttributeKey.doubleArrayKey(name);
        break;
      default:
        return null;
    }
    return (io.opentelemetry.api.common.AttributeKey<T>) agentKey;
  }

  static io.opentelemetry.api.common.Attributes toAgent(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return io.opentelemetry.api.common.Attributes.empty();
    }
    io.opentelemetry.api.common.AttributesBuilder builder =
        io.opentelemetry.api.common.Attributes.builder();
    attributes.forEach((key, value) -> put(builder, key, value));
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void put(
      io.opentelemetry.api.common.AttributesBuilder builder, AttributeKey<T> key, Object value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = toAgent(key);
    if (agentKey != null) {
      builder.put(agentKey, (T) value);
    }
  }
}
