package io.otelite.instrumentation.servlet;

/**
 * The container's handling of one exchange on this thread, around everything it does with a
 * request: the first dispatch to filters and servlets, the error-page dispatch after an exception
 * or {@code sendError}, and its own error handling and logging in between. Entered and exited by
 * advice on the container method that holds all of it (Tomcat's {@code StandardHostValve.invoke},
 * Jetty's {@code ServletChannel.handle}).
 *
 * <p>A request that ends inside a frame is finished when the frame exits, not when its first
 * dispatch returns: its span then covers the error dispatch, and stays current for the log lines
 * the container and the error page write. Without a frame (another container), the request ends
 * when its outermost filter or servlet returns.
 */
public final class ServletContainerFrame {
  private static final ThreadLocal<ServletContainerFrame> CURRENT =
      ThreadLocal.withInitial(ServletContainerFrame::new);

  private int depth;
  private Runnable finish;

  private ServletContainerFrame() {}

  public static void enter() {
    CURRENT.get().depth++;
  }

  /** Runs the finish that a request left to this frame, once the outermost frame exits. */
  public static void exit() {
    ServletContainerFrame frame = CURRENT.get();
    if (frame.depth > 0) {
      frame.depth--;
    }
    if (frame.depth == 0 && frame.finish != null) {
      Runnable finish = frame.finish;
      frame.finish = null;
      finish.run();
    }
  }

  /**
   * Leaves {@code finish} to the frame this thread is in; {@code false} when there is none (or it
   * already holds a request's finish), and the caller finishes now.
   */
  static boolean finishOnExit(Runnable finish) {
    ServletContainerFrame frame = CURRENT.get();
    if (frame.depth == 0 || frame.finish != null) {
      return false;
    }
    frame.finish = finish;
    return true;
  }
}
