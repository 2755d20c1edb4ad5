package io.otelite.instrumentation.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values: state the agent
 * attaches to application objects (a statement's SQL, a connection's database) without keeping them
 * alive, without locks, and without calling the objects' own {@code equals}/{@code hashCode}, which
 * drivers and proxies may implement in costly or surprising ways. Entries of collected keys are
 * dropped on the next {@link #put}.
 *
 * <p>Values must not refer to their key, or the key could never be collected.
 */
public final class WeakIdentityMap<K, V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  public V get(K key) {
    if (key == null) {
      return null;
    }
    LookupKey lookup = LookupKey.of(key);
    try {
      return map.get(lookup);
    } finally {
      lookup.clear();
    }
  }

  public void put(K key, V value) {
    expungeCollected();
    map.put(new WeakKey<>(key, collected), value);
  }

  /** Replaces the value of a key the map holds; does nothing for a key it does not hold. */
  public void replace(K key, V value) {
    if (key != null) {
      LookupKey lookup = LookupKey.of(key);
      try {
        map.replace(lookup, value);
      } finally {
        lookup.clear();
      }
    }
  }

  public V remove(K key) {
    if (key == null) {
      return null;
    }
    LookupKey lookup = LookupKey.of(key);
    try {
      return map.remove(lookup);
    } finally {
      lookup.clear();
    }
  }

  /** Live and not yet dropped entries; for tests and diagnostics. */
  public int size() {
    expungeCollected();
    return map.size();
  }

  private void expungeCollected() {
    Object reference;
    while ((reference = collected.poll()) != null) {
      map.remove(reference);
    }
  }

  /** What the map holds: equal to another key only while both refer to the same live object. */
  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K referent, ReferenceQueue<K> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (referent == null) {
        return false;
      }
      if (other instanceof LookupKey) {
        return ((LookupKey) other).referent == referent;
      }
      return other instanceof WeakKey && ((WeakKey<?>) other).get() == referent;
    }
  }

  /**
   * The strong key a lookup compares with the held weak ones. One per thread, reused, so that a
   * lookup allocates nothing (the JIT did not eliminate a new one: a JDBC statement's prepare,
   * execute and close paid one each); cleared after each use, so that it keeps no key alive.
   * Nothing a lookup runs can start another lookup on the same thread before the clear.
   */
  private static final class LookupKey {
    private static final ThreadLocal<LookupKey> OF_THREAD =
        new ThreadLocal<LookupKey>() {
          @Override
          protected LookupKey initialValue() {
            return new LookupKey();
          }
        };

    private Object referent;
    private int hash;

    static LookupKey of(Object referent) {
      LookupKey lookup = OF_THREAD.get();
      lookup.referent = referent;
      lookup.hash = System.identityHashCode(referent);
      return lookup;
    }

    void clear() {
      referent = null;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (other instanceof WeakKey) {
        return ((WeakKey<?>) other).get() == referent;
      }
      return other instanceof LookupKey && ((LookupKey) other).referent == referent;
    }
  }
}
