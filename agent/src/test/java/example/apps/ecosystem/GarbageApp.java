package example.apps.ecosystem;

/** Makes garbage and asks for collections for a while, so that GC notifications happen. */
public class GarbageApp {
  public static volatile Object sink;

  public static void main(String[] args) throws Exception {
    long runMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
    long deadline = System.currentTimeMillis() + runMillis;
    while (System.currentTimeMillis() < deadline) {
      for (int i = 0; i < 1_000; i++) {
        sink = new byte[1024];
      }
      System.gc();
      Thread.sleep(100);
    }
    System.out.println("application done");
  }
}
