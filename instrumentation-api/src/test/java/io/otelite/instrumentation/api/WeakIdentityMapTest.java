package io.otelite.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  /** Equal by value, distinct by identity: what a driver's statement class may well look like. */
  private static final class EqualToAll {
    @Override
    public boolean equals(Object other) {
      return other instanceof EqualToAll;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void comparesKeysByIdentityNotByEquals() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object first = new EqualToAll();
    Object second = new EqualToAll();

    map.put(first, "first");
    map.put(second, "second");

    assertThat(map.get(first)).isEqualTo("first");
    assertThat(map.get(second)).isEqualTo("second");
    assertThat(map.get(new EqualToAll())).isNull();
    assertThat(map.remove(first)).isEqualTo("first");
    assertThat(map.get(first)).isNull();
  }

  @Test
  void replaceChangesTheValueOfAKeyItHoldsAndAddsNoOther() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object held = new EqualToAll();
    Object other = new EqualToAll();
    map.put(held, "before");

    map.replace(held, "after");
    map.replace(other, "never added");

    assertThat(map.get(held)).isEqualTo("after");
    assertThat(map.get(other)).isNull();
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void doesNotKeepItsKeysAlive() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 1000; i++) {
      map.put(new Object(), "garbage " + i);
    }

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (map.size() > 1 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }

  @Test
  void looksUpWithoutKeepingTheKeyLookedUpAlive() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object looked = new Object();
    map.put(looked, "held");
    Object absent = new Object();
    assertThat(map.get(absent)).isNull();
    assertThat(map.get(looked)).isEqualTo("held");
    map.replace(absent, "not added");
    assertThat(map.remove(absent)).isNull();
    WeakReference<Object> lookedUp = new WeakReference<>(absent);
    absent = null;

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lookedUp.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(lookedUp.get()).as("the key of the thread's last lookup").isNull();
    assertThat(map.get(looked)).isEqualTo("held");
  }
}
