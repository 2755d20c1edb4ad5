package io.otelite.instrumentation.api.span;

/**
 * Boxed attribute values that repeat from span to span, shared instead of boxed anew: {@code
 * Long.valueOf} keeps only -128 to 127, so each of these would otherwise be one more object on
 * every request.
 *
 * <p>Two tables: one for values repeated across all requests (status codes, a server's port), one
 * for a client's port, which repeats only for the requests of one connection (keep-alive, a
 * client's connection pool) and changes with every new one; kept apart so that new connections
 * never evict the status codes.
 */
public final class RepeatedLongs {
  private static final int SLOTS = 1024;

  private static final RepeatedLongs ACROSS_REQUESTS = new RepeatedLongs();
  private static final RepeatedLongs PER_CONNECTION = new RepeatedLongs();

  /**
   * Direct-mapped by the value's low bits: status codes 100 to 599 each have their own slot, and a
   * port shares one with at most a few others. Racy on purpose: a {@code Long} is immutable and
   * safely published, so a thread sees either a correct value or a slot to fill again.
   */
  private final Long[] boxed = new Long[SLOTS];

  private RepeatedLongs() {}

  /** A status code, a server's port: values every request may repeat. */
  public static Long of(int value) {
    return ACROSS_REQUESTS.box(value);
  }

  /** The port of a client's (or a peer's) end of a connection. */
  public static Long ofConnectionPort(int port) {
    return PER_CONNECTION.box(port);
  }

  private Long box(int value) {
    int slot = value & (SLOTS - 1);
    Long known = boxed[slot];
    if (known == null || known != value) {
      known = Long.valueOf(value);
      boxed[slot] = known;
    }
    return known;
  }
}
