package example.servlet;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the async servlet's worker thread until the test lets it finish the response, so a test can
 * look at a request that is still in flight after {@code service} returned.
 */
public final class AsyncGate {
  private static volatile CountDownLatch open = new CountDownLatch(0);
  private static volatile CountDownLatch workerWaiting = new CountDownLatch(1);

  private AsyncGate() {}

  /** Workers from now on wait for {@link #open()}. */
  public static void close() {
    workerWaiting = new CountDownLatch(1);
    open = new CountDownLatch(1);
  }

  public static void open() {
    open.countDown();
  }

  /** Called by the worker thread. */
  public static void awaitOpen() {
    workerWaiting.countDown();
    try {
      if (!open.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until a worker is waiting at the gate. */
  public static boolean awaitWorker() throws InterruptedException {
    return workerWaiting.await(10, TimeUnit.SECONDS);
  }
}
