package example.weaving;

import java.io.IOException;

/** Methods of the shapes the weaver must handle; each is advised by the weaving test module. */
public class Woven extends WovenBase {
  public Woven(int base) {
    super(base);
  }

  /** Loops, a try/catch of its own and wide locals: stack map frames at several places. */
  public long sum(long from, double factor, int[] values) {
    long total = from;
    for (int value : values) {
      try {
        if (value < 0) {
          throw new IllegalArgumentException("negative");
        }
        total += (long) (value * factor);
      } catch (IllegalArgumentException negative) {
        double skipped = value;
        total -= (long) skipped;
      }
    }
    if (total > 1_000) {
      return 1_000;
    }
    return total;
  }

  public static String describe(int number, long big, Object thing) {
    return number + "/" + big + "/" + thing;
  }

  public String fail(String message) throws IOException {
    if (message.isEmpty()) {
      return "empty";
    }
    throw new IOException(message);
  }

  public String replace(String first, String second) {
    return first + "+" + second;
  }

  public String keep(String first, String second) {
    return first + "+" + second;
  }

  public String maybeSkipped(boolean skip) {
    return "body ran";
  }

  public int base() {
    return base * 2;
  }
}
