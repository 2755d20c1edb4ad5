package example.weaving;

public class WovenBase {
  protected int base;

  protected WovenBase(int base) {
    this.base = base;
  }
}
