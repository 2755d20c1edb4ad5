package example.apps;

/** Waits for a line on stdin (or 30 s), so that a test can attach the agent to it at run time. */
public class WaitingApp {
  public static void main(String[] args) throws Exception {
    System.out.println("waiting pid=" + ProcessHandle.current().pid());
    System.out.flush();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.in.available() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    System.out.println("application done");
  }
}
