package io.otelite.tooling.export.console;

import io.opentelemetry.api.common.Attributes;

/**
 * How the console exporters print attributes: {@code {key=value, key=value}}, in the SDK's order.
 */
final class ConsoleFormat {
  private ConsoleFormat() {}

  static StringBuilder appendAttributes(StringBuilder line, Attributes attributes) {
    line.append('{');
    int start = line.length();
    attributes.forEach(
        (key, value) -> {
          if (line.length() > start) {
            line.append(", ");
          }
          line.append(key.getKey()).append('=').append(value);
        });
    return line.append('}');
  }
}
