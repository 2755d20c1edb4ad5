package io.otelite.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polling instead of sleeping: returns as soon as the condition holds, fails with what was seen.
 */
public final class Await {

  private static final long POLL_MILLIS = 50;

  private Await() {}

  /**
   * Polls {@code probe} until it yields a value; on timeout fails with {@code seen}'s description.
   */
  public static <T> T until(
      String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "\nseen:\n"
                + seen.get());
      }
      pause();
    }
  }

  /** Runs {@code assertions} until they pass; on timeout rethrows their last failure. */
  public static void untilAsserted(Duration timeout, Runnable assertions) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertions.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
