package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.internal.AttributeUtil;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.otelite.instrumentation.api.span.AttributeTarget;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A span's attributes, as its keys and values side by side in one array: what the SDK's {@code
 * AttributesMap} records (the span limits' attribute count and value length, the total of values
 * ever added), without a hash table and a node per attribute. A span has a dozen attributes or so,
 * so finding a key by comparing each one's cached hash is as fast as a hash table. Not thread-safe:
 * the span guards it; once the span has ended, it no longer changes and exporters read it as the
 * span's data.
 */
final class SpanAttributes
    implements Attributes, AttributeTarget, BiConsumer<AttributeKey<?>, Object> {
  private final int capacity;
  private final int lengthLimit;
  private Object[] keysAndValues;
  private int size;
  private int totalAdded;

  /** Within a span's limits, with room for {@code expected} attributes at first. */
  static SpanAttributes withinLimits(SpanLimits limits, int expected) {
    return new SpanAttributes(
        limits.getMaxNumberOfAttributes(), limits.getMaxAttributeValueLength(), expected);
  }

  /** Room for {@code expected} attributes at first; more grow the array. */
  SpanAttributes(int capacity, int lengthLimit, int expected) {
    this.capacity = capacity;
    this.lengthLimit = lengthLimit;
    this.keysAndValues = new Object[2 * Math.max(0, Math.min(capacity, Math.max(1, expected)))];
  }

  private SpanAttributes(SpanAttributes original) {
    this.capacity = original.capacity;
    this.lengthLimit = original.lengthLimit;
    this.keysAndValues = Arrays.copyOf(original.keysAndValues, 2 * original.size);
    this.size = original.size;
    this.totalAdded = original.totalAdded;
  }

  /**
   * Sets {@code key} to {@code value} (shortened to the length limit), replacing an earlier value;
   * a new key beyond the count limit is dropped, yet counted in {@link #totalAdded()}.
   */
  void set(AttributeKey<?> key, Object value) {
    if (value == null) {
      return;
    }
    totalAdded++;
    int index = indexOf(key);
    if (index < 0) {
      if (size >= capacity) {
        return;
      }
      if (2 * size == keysAndValues.length) {
        keysAndValues = Arrays.copyOf(keysAndValues, 2 * keysAndValues.length);
      }
      index = 2 * size;
      keysAndValues[index] = key;
      size++;
    }
    keysAndValues[index + 1] = AttributeUtil.applyAttributeLengthLimit(value, lengthLimit);
  }

  /** How many values were ever put, dropped ones included. */
  int totalAdded() {
    return totalAdded;
  }

  /** A copy that later puts to this one do not change. */
  SpanAttributes copy() {
    return new SpanAttributes(this);
  }

  /** Keys cache their hash: comparing it first leaves one {@code equals} per lookup. */
  private int indexOf(AttributeKey<?> key) {
    int hash = key.hashCode();
    for (int i = 0; i < 2 * size; i += 2) {
      Object candidate = keysAndValues[i];
      if (candidate == key || (candidate.hashCode() == hash && candidate.equals(key))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code setAttribute}'s rule: keys the API ignores are ignored. */
  @Override
  public <T> void put(AttributeKey<T> key, T value) {
    accept(key, value);
  }

  /**
   * Puts every attribute of {@code attributes}, as {@code setAttribute} one by one would. This
   * object is itself the callback, so that {@code setAllAttributes} allocates no lambda per call.
   */
  @Override
  public void putAll(Attributes attributes) {
    attributes.forEach(this);
  }

  /** One attribute of {@link #putAll}, or of {@link #put}. */
  @Override
  public void accept(AttributeKey<?> key, Object value) {
    if (key != null && !key.getKey().isEmpty()) {
      set(key, value);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    if (key == null) {
      return null;
    }
    int index = indexOf(key);
    return index < 0 ? null : (T) keysAndValues[index + 1];
  }

  @Override
  public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
    for (int i = 0; i < 2 * size; i += 2) {
      consumer.accept((AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Map<AttributeKey<?>, Object> asMap() {
    Map<AttributeKey<?>, Object> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public AttributesBuilder toBuilder() {
    return Attributes.builder().putAll(this);
  }

  /**
   * Equal to any {@link Attributes} with the same keys and values, whatever their order (for tests
   * that compare exported attributes with expected ones; the SDK's own classes are equal only to
   * each other).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Attributes && asMap().equals(((Attributes) other).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
