package io.otelite.tooling.propagation;

import io.opentelemetry.api.trace.SpanContext;

/**
 * The {@code traceparent} value, {@code version-traceid-parentid-flags} in lowercase hex (2, 32, 16
 * and 2 digits), read as the W3C Trace Context specification says: version {@code ff} is invalid;
 * version {@code 00} is exactly 55 characters; a higher version may be longer, with a {@code -}
 * right after the flags, and is read as version {@code 00} with only the flags that version
 * defines; an all-zero trace id or parent id is invalid.
 */
final class Traceparent {
  static final int LENGTH = 55;
  private static final int TRACE_ID_START = 3;
  private static final int SPAN_ID_START = 36;
  private static final int FLAGS_START = 53;

  /** Sampled and random trace id, the flags of version {@code 00} (level 2). */
  private static final int KNOWN_FLAGS = 0x03;

  private Traceparent() {}

  /**
   * The trace flags of the valid value {@code text[start, end)}, or -1 when it is not one. Spaces
   * and tabs around it must already be cut.
   */
  static int flags(String text, int start, int end) {
    int length = end - start;
    if (length < LENGTH) {
      return -1;
    }
    int version = hexByte(text, start);
    if (version < 0 || version == 0xff || text.charAt(start + 2) != '-') {
      return -1;
    }
    if (version == 0 ? length != LENGTH : length > LENGTH && text.charAt(start + LENGTH) != '-') {
      return -1;
    }
    if (text.charAt(start + SPAN_ID_START - 1) != '-'
        || text.charAt(start + FLAGS_START - 1) != '-'
        || !isNonZeroHex(text, start + TRACE_ID_START, start + SPAN_ID_START - 1)
        || !isNonZeroHex(text, start + SPAN_ID_START, start + FLAGS_START - 1)) {
      return -1;
    }
    int flags = hexByte(text, start + FLAGS_START);
    return flags < 0 || version == 0 ? flags : flags & KNOWN_FLAGS;
  }

  static String traceId(String text, int start) {
    return text.substring(start + TRACE_ID_START, start + SPAN_ID_START - 1);
  }

  static String spanId(String text, int start) {
    return text.substring(start + SPAN_ID_START, start + FLAGS_START - 1);
  }

  /** The value for a valid span context, version {@code 00}. */
  static String format(SpanContext spanContext) {
    return "00-"
        + spanContext.getTraceId()
        + '-'
        + spanContext.getSpanId()
        + '-'
        + spanContext.getTraceFlags().asHex();
  }

  private static boolean isNonZeroHex(String text, int start, int end) {
    boolean nonZero = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (hexDigit(c) < 0) {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  private static int hexByte(String text, int index) {
    int high = hexDigit(text.charAt(index));
    int low = hexDigit(text.charAt(index + 1));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  /** Lowercase only: the specification's {@code HEXDIGLC}. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
