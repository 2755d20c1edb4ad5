package io.otelite.tooling.cli;

import java.util.Locale;

/**
 * Masks configuration values that may carry credentials (OTLP headers, passwords, tokens, keys).
 */
final class SecretMasking {
  private static final String MASK = "****";

  private SecretMasking() {}

  static String mask(String key, String value) {
    if (value == null) {
      return null;
    }
    String lowerKey = key.toLowerCase(Locale.ROOT);
    if (lowerKey.endsWith(".headers")) {
      // keep the header names, which help debugging; never the values
      StringBuilder masked = new StringBuilder();
      for (String header : value.split(",")) {
        int equals = header.indexOf('=');
        if (masked.length() > 0) {
          masked.append(',');
        }
        masked.append(equals < 0 ? MASK : header.substring(0, equals).trim() + '=' + MASK);
      }
      return masked.toString();
    }
    if (lowerKey.contains("password")
        || lowerKey.contains("secret")
        || lowerKey.contains("token")
        || lowerKey.contains("credential")) {
      return MASK;
    }
    return value;
  }
}
