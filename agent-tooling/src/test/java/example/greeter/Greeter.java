package example.greeter;

/** A stand-in for an application library: the test module instruments it. */
public class Greeter {
  public String greet(String name) {
    return "hello " + name;
  }

  public int count(int value) {
    return value + 1;
  }
}
