package io.otelite.instrumentation.api.span;

/**
 * Boxed attribute values that repeat from span to span (status codes, a server's port), shared
 * instead of boxed anew: {@code Long.valueOf} keeps only -128 to 127, so each of these would
 * otherwise be one more object on every request. Values that differ from call to call (a client's
 * own port) are boxed as usual rather than passed here, where they would only evict the others.
 */
public final class RepeatedLongs {
  private static final int SLOTS = 1024;

  /**
   * Direct-mapped by the value's low bits: status codes 100 to 599 each have their own slot, and a
   * port shares one with at most a few others. Racy on purpose: a {@code Long} is immutable and
   * safely published, so a thread sees either a correct value or a slot to fill again.
   */
  private static final Long[] BOXED = new Long[SLOTS];

  private RepeatedLongs() {}

  public static Long of(int value) {
    int slot = value & (SLOTS - 1);
    Long boxed = BOXED[slot];
    if (boxed == null || boxed != value) {
      boxed = Long.valueOf(value);
      BOXED[slot] = boxed;
    }
    return boxed;
  }
}
