/**
 * Pins a virtual thread on purpose, in a way that pins on every Java version since 21: it blocks
 * inside a class initialiser (Java 24+ no longer pins on synchronized, JEP 491, but still here).
 */
public class PinningApp {
  static final class SlowToInitialise {
    static {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }

  public static void main(String[] args) throws Exception {
    Thread.ofVirtual().start(SlowToInitialise::touch).join();
    System.out.println("pinning-app done");
  }
}
