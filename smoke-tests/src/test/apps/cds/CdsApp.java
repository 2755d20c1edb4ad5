/** Prints one line: all that matters is where its class was loaded from. */
public class CdsApp {
  public static void main(String[] args) {
    System.out.println("cds-app done");
  }
}
