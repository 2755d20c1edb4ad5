package example.apps;

/**
 * The smallest application: prints a line, optionally waits (so exporters get a chance to run),
 * exits.
 */
public class HelloApp {
  public static void main(String[] args) throws Exception {
    System.out.println("hello from the application");
    long waitMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
    Thread.sleep(waitMillis);
    System.out.println("application done");
  }
}
