package io.otelite.harness;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A W3C {@code traceparent}: the one a test sends as if it were a traced caller ({@link #random()},
 * so that every span of the request carries this trace id and a test finds exactly its own trace
 * among everything the app exported), and what the W3C Trace Context specification (level 1) says a
 * receiver makes of a header value ({@link #parse}, written from the specification as the tests'
 * oracle).
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LENGTH = 55;

  /** A new sampled caller. */
  public static Traceparent random() {
    return new Traceparent(randomHex(16), randomHex(8), true);
  }

  /** The header value. */
  public String header() {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  /**
   * The parent a receiver continues, or nothing (it starts a new trace):
   *
   * <ul>
   *   <li>{@code version-traceid-parentid-flags}, all lowercase hex: 2, 32, 16 and 2 digits;
   *   <li>version {@code ff} is invalid; version {@code 00} is exactly 55 characters; a higher
   *       version may be longer, with a {@code -} right after the flags (parsed as version 00, the
   *       rest ignored);
   *   <li>an all-zero trace id or parent id is invalid.
   * </ul>
   *
   * HTTP drops spaces and tabs around a header value before anyone sees it, so they are dropped
   * here too.
   */
  public static Optional<Traceparent> parse(String headerValue) {
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
    return Optional.of(new Traceparent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1));
  }

  private static String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return HexFormat.of().formatHex(value);
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
