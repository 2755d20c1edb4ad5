package io.otelite.tooling.propagation;

/**
 * HTTP's optional whitespace ({@code OWS}, spaces and tabs), which surrounds a field value and the
 * members of a list and is not part of either.
 */
final class OptionalWhitespace {
  private OptionalWhitespace() {}

  /** The first index in {@code text[start, end)} that is not whitespace, or {@code end}. */
  static int skipForward(String text, int start, int end) {
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    return start;
  }

  /** The end of {@code text[start, end)} without its trailing whitespace. */
  static int skipBackward(String text, int start, int end) {
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
