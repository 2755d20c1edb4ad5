package io.otelite.agent.reliability;

import java.util.Optional;

/**
 * What the W3C Trace Context specification (level 1, "traceparent" header) says a receiver makes of
 * a header value, written from the specification as the tests' oracle: a parent, or nothing (start
 * a new trace).
 *
 * <ul>
 *   <li>{@code version-traceid-parentid-flags}, all lowercase hex: 2, 32, 16 and 2 digits;
 *   <li>version {@code ff} is invalid; version {@code 00} is exactly 55 characters; a higher
 *       version may be longer, with a {@code -} right after the flags (parsed as version 00, the
 *       rest ignored);
 *   <li>an all-zero trace id or parent id is invalid.
 * </ul>
 *
 * HTTP drops spaces and tabs around a header value before anyone sees it, so they are dropped here
 * too.
 */
final class W3cTraceparent {
  private static final int LENGTH = 55;

  record Parent(String traceId, String spanId, boolean sampled) {}

  private W3cTraceparent() {}

  static Optional<Parent> parse(String headerValue) {
    String value = stripOptionalWhitespace(headerValue);
    if (value.length() < LENGTH) {
      return Optional.empty();
    }
    String version = value.substring(0, 2);
    if (!isLowerHex(version) || version.equals("ff")) {
      return Optional.empty();
    }
    if (version.equals("00")
        ? value.length() != LENGTH
        : value.length() > LENGTH && value.charAt(LENGTH) != '-') {
      return Optional.empty();
    }
    if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return Optional.empty();
    }
    String traceId = value.substring(3, 35);
    String spanId = value.substring(36, 52);
    String flags = value.substring(53, 55);
    if (!isLowerHex(traceId)
        || !isLowerHex(spanId)
        || !isLowerHex(flags)
        || isZeros(traceId)
        || isZeros(spanId)) {
      return Optional.empty();
    }
    return Optional.of(new Parent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1));
  }

  private static String stripOptionalWhitespace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isLowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZeros(String text) {
    return text.chars().allMatch(c -> c == '0');
  }
}
