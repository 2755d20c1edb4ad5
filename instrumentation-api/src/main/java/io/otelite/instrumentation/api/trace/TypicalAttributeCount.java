package io.otelite.instrumentation.api.trace;

/**
 * How many attributes the last span of one tracer ended with: the next span's attribute array
 * starts that large, so that a tracer whose spans have 6 attributes (a JDBC statement) does not
 * allocate room for 13 (an HTTP server request), and one whose spans have 13 does not grow its
 * array on the way. Read and written without synchronization: any value a thread sees is a fine
 * guess.
 */
final class TypicalAttributeCount {
  /** The first guess, before any span of the tracer has ended. */
  static final int INITIAL = 8;

  private int count = INITIAL;

  int get() {
    return count;
  }

  void remember(int attributes) {
    if (attributes > 0 && attributes != count) {
      count = attributes;
    }
  }
}
