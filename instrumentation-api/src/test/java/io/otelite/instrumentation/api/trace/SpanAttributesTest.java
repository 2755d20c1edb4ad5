package io.otelite.instrumentation.api.trace;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanAttributesTest {
  private static final int NO_LENGTH_LIMIT = Integer.MAX_VALUE;

  @Test
  void holdsMoreAttributesThanItExpectedByGrowing() {
    SpanAttributes attributes = new SpanAttributes(128, NO_LENGTH_LIMIT, 1);

    for (int i = 0; i < 20; i++) {
      attributes.put(longKey("key." + i), (long) i);
    }

    assertThat(attributes.size()).isEqualTo(20);
    for (int i = 0; i < 20; i++) {
      assertThat(attributes.get(longKey("key." + i))).isEqualTo(i);
    }
  }

  @Test
  void aKeyPutAgainKeepsItsLatestValue() {
    SpanAttributes attributes = new SpanAttributes(128, NO_LENGTH_LIMIT, 8);

    attributes.put(stringKey("a"), "first");
    attributes.put(stringKey("b"), "other");
    attributes.put(stringKey("a"), "second");

    assertThat(attributes.size()).isEqualTo(2);
    assertThat(attributes.get(stringKey("a"))).isEqualTo("second");
    assertThat(attributes.totalAdded()).isEqualTo(3);
  }

  @Test
  void pastTheCountLimitNewKeysAreDroppedButCountedAndKnownKeysStillChange() {
    SpanAttributes attributes = new SpanAttributes(2, NO_LENGTH_LIMIT, 8);

    attributes.put(stringKey("a"), "1");
    attributes.put(stringKey("b"), "2");
    attributes.put(stringKey("c"), "dropped");
    attributes.put(stringKey("a"), "changed");

    assertThat(attributes.asMap())
        .containsOnlyKeys(stringKey("a"), stringKey("b"))
        .containsEntry(stringKey("a"), "changed");
    assertThat(attributes.totalAdded()).isEqualTo(4);
  }

  @Test
  void stringsAndStringArraysAreCutToTheLengthLimit() {
    SpanAttributes attributes = new SpanAttributes(128, 3, 8);

    attributes.put(stringKey("s"), "abcdef");
    attributes.put(stringArrayKey("array"), List.of("abcdef", "ab"));
    attributes.put(longKey("n"), 123456L);

    assertThat(attributes.get(stringKey("s"))).isEqualTo("abc");
    assertThat(attributes.get(stringArrayKey("array"))).containsExactly("abc", "ab");
    assertThat(attributes.get(longKey("n"))).isEqualTo(123456L);
  }

  @Test
  void aCopyDoesNotSeeLaterPuts() {
    SpanAttributes attributes = new SpanAttributes(128, NO_LENGTH_LIMIT, 8);
    attributes.put(stringKey("a"), "1");

    SpanAttributes copy = attributes.copy();
    attributes.put(stringKey("b"), "2");
    attributes.put(stringKey("a"), "changed");

    assertThat(copy.asMap())
        .containsOnly(org.assertj.core.api.Assertions.entry(stringKey("a"), "1"));
  }

  @Test
  void equalsAnyAttributesWithTheSameEntriesInAnyOrder() {
    SpanAttributes attributes = new SpanAttributes(128, NO_LENGTH_LIMIT, 8);
    attributes.put(stringKey("b"), "2");
    attributes.put(stringKey("a"), "1");
    Attributes same = Attributes.of(stringKey("a"), "1", stringKey("b"), "2");

    assertThat(attributes).isEqualTo(same);
    assertThat(attributes.toBuilder().build()).isEqualTo(same);
    assertThat(attributes).isNotEqualTo(Attributes.of(stringKey("a"), "1"));
  }

  @Test
  void nullValuesAndAbsentKeysAreNothing() {
    SpanAttributes attributes = new SpanAttributes(128, NO_LENGTH_LIMIT, 8);

    attributes.put(stringKey("a"), null);

    assertThat(attributes.isEmpty()).isTrue();
    assertThat(attributes.totalAdded()).isZero();
    assertThat(attributes.get(stringKey("a"))).isNull();
    assertThat((Object) attributes.get(null)).isNull();
  }
}
