package example.weaving;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the weaving test's advice saw; outside the advice package, so the test reads the same. */
public final class Recorder {
  public static final List<String> calls = new CopyOnWriteArrayList<>();

  private Recorder() {}

  public static void record(String call) {
    calls.add(call);
  }
}
