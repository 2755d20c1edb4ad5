package io.otelite.instrumentation.api;

/**
 * Counts how deeply calls of one kind are nested on the current thread, so that a library built on
 * another instrumented library (a pool wrapping a driver, a client over {@code HttpURLConnection})
 * makes one span, not two. Only the outermost call (depth 0 on entry) records telemetry.
 *
 * <p>Usage: {@code int depth = CallDepth.forKind(K).incrementAndGet()} on enter (outermost when it
 * returns 1), {@code decrementAndGet()} on exit, always paired.
 */
public final class CallDepth {
  private static final ClassValue<ThreadLocal<CallDepth>> BY_KIND =
      new ClassValue<>() {
        @Override
        protected ThreadLocal<CallDepth> computeValue(Class<?> kind) {
          return ThreadLocal.withInitial(CallDepth::new);
        }
      };

  private int depth;

  private CallDepth() {}

  /** The counter for calls of one kind on this thread; the kind is any class that names it. */
  public static CallDepth forKind(Class<?> kind) {
    return BY_KIND.get(kind).get();
  }

  public int incrementAndGet() {
    return ++depth;
  }

  public int decrementAndGet() {
    if (depth > 0) {
      depth--;
    }
    return depth;
  }

  public int get() {
    return depth;
  }
}
