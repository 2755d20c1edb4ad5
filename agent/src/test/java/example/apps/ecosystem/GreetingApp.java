package example.apps.ecosystem;

/**
 * Greets twice; an extension's instrumentation module traces {@link #greet}. Then waits (argument
 * 1, in ms) so that the exporter runs before exit.
 */
public class GreetingApp {
  public static void main(String[] args) throws InterruptedException {
    System.out.println(greet("world"));
    System.out.println(greet("dropped-guest"));
    Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 0);
  }

  static String greet(String name) {
    return "hello " + name;
  }
}
