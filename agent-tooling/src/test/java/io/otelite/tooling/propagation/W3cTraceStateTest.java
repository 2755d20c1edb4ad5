package io.otelite.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.TraceState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code tracestate} list of the current W3C Trace Context specification (level 2). */
class W3cTraceStateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo",
        "1foo",
        "foo@",
        "foo@@bar",
        "foo@bar@baz",
        "t@vvvvvvvvvvvvvvv",
        "abcdefghijklmnopqrstuvwxyz0123456789_-*/@a-z0-9_-*/",
      })
  void keysOfTheCurrentGrammarAreKept(String key) {
    TraceState state = W3cTraceState.parse(key + "=1,bar=2");

    assertThat(state.get(key)).isEqualTo("1");
    assertThat(state.get("bar")).isEqualTo("2");
  }

  @Test
  void keysUpTo256CharactersAreKept() {
    String longest = "z".repeat(256);
    String tenantAndVendor = "t".repeat(241) + "@" + "v".repeat(14);

    assertThat(W3cTraceState.parse(longest + "=1").get(longest)).isEqualTo("1");
    assertThat(W3cTraceState.parse(tenantAndVendor + "=1").get(tenantAndVendor)).isEqualTo("1");
    assertThat(W3cTraceState.parse("foo=1," + "z".repeat(257) + "=1").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@foo=1,bar=2",
        "FOO=1,bar=2",
        "foo.bar=1,bar=2",
        "foo =1,bar=2",
        "=1,bar=2",
        "foo=,bar=2",
        "foo=bar=baz",
        "foo=a\tb",
        "foo=\u00e9",
        "foo",
        "foo=1;bar=2",
      })
  void oneInvalidMemberDiscardsTheWholeList(String header) {
    assertThat(W3cTraceState.parse(header).isEmpty()).isTrue();
  }

  @Test
  void valuesMayHoldSpacesAndEveryPrintableCharacterButCommaAndEquals() {
    String value =
        IntStream.rangeClosed(0x20, 0x7e)
            .filter(c -> c != ',' && c != '=')
            .mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    assertThat(W3cTraceState.parse("foo=" + value).get("foo")).isEqualTo(value);
    assertThat(W3cTraceState.parse("foo= 1").get("foo")).isEqualTo(" 1");
    assertThat(W3cTraceState.parse("foo=" + "x".repeat(256)).get("foo")).hasSize(256);
    assertThat(W3cTraceState.parse("foo=" + "x".repeat(257)).isEmpty()).isTrue();
  }

  @Test
  void whitespaceAroundMembersAndEmptyMembersAreDropped() {
    TraceState state = W3cTraceState.parse("\t foo=1 \t, \t,,bar=2\t,");

    assertThat(state.asMap()).containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
    assertThat(W3cTraceState.encode(state)).isEqualTo("foo=1,bar=2");
    assertThat(W3cTraceState.parse("").isEmpty()).isTrue();
    assertThat(W3cTraceState.parse(" \t, ,").isEmpty()).isTrue();
  }

  @Test
  void aDuplicatedKeyKeepsItsFirstMember() {
    TraceState state = W3cTraceState.parse("foo=1,bar=2,foo=3");

    assertThat(state.asMap()).containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
    assertThat(W3cTraceState.encode(state)).isEqualTo("foo=1,bar=2");
  }

  @Test
  void atMost32Members() {
    String members32 = members(32);

    assertThat(W3cTraceState.parse(members32).size()).isEqualTo(32);
    assertThat(W3cTraceState.parse(members32 + ",bar33=33").isEmpty()).isTrue();
    assertThat(W3cTraceState.parse(members32 + ",bar01=again").size())
        .as("a duplicate is dropped, not counted")
        .isEqualTo(32);
  }

  @Test
  void fieldsOfOneMessageAreOneList() {
    TraceState state =
        W3cTraceState.parse(List.of("foo=1,bar=2", "", "rojo=1", "foo=9").iterator());

    assertThat(W3cTraceState.encode(state)).isEqualTo("foo=1,bar=2,rojo=1");
    assertThat(W3cTraceState.parse(List.<String>of().iterator()).isEmpty()).isTrue();
  }

  @Test
  void readsLikeTheApisTraceState() {
    TraceState state = W3cTraceState.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

    assertThat(state.size()).isEqualTo(2);
    assertThat(state.get("congo")).isEqualTo("t61rcWkgMzE");
    assertThat(state.get("missing")).isNull();
    assertThat(state.get(null)).isNull();
    assertThat(state.asMap())
        .containsExactly(Map.entry("rojo", "00f067aa0ba902b7"), Map.entry("congo", "t61rcWkgMzE"));
    assertThat(state).isEqualTo(W3cTraceState.parse(" rojo=00f067aa0ba902b7 , congo=t61rcWkgMzE"));
    assertThat(state.hashCode())
        .isEqualTo(W3cTraceState.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE").hashCode());
  }

  @Test
  void aChangedMemberMovesToTheFrontAndTheOthersKeepTheirOrder() {
    TraceState state = W3cTraceState.parse("rojo=1,congo=2,blue=3");

    TraceState changed = state.toBuilder().put("congo", "9").put("new@vendor", "x").build();

    assertThat(W3cTraceState.encode(changed)).isEqualTo("new@vendor=x,congo=9,rojo=1,blue=3");
    assertThat(W3cTraceState.encode(state.toBuilder().remove("rojo").build()))
        .isEqualTo("congo=2,blue=3");
    assertThat(state.toBuilder().remove("rojo").remove("congo").remove("blue").build().isEmpty())
        .isTrue();
  }

  @Test
  void theBuilderIgnoresWhatTheGrammarRefusesAndDropsTheLastMemberPast32() {
    TraceState full = W3cTraceState.parse(members(32));

    TraceState changed =
        full.toBuilder().put("@vendor", "x").put("foo", "a,b").put("bar00", "0").build();

    assertThat(changed.size()).isEqualTo(32);
    assertThat(W3cTraceState.encode(changed)).startsWith("bar00=0,bar01=01,");
    assertThat(changed.get("bar32")).isNull();
    assertThat(W3cTraceState.builder().put("foo@", "1").build().get("foo@")).isEqualTo("1");
  }

  /** {@code bar01=01,...,barNN=NN}. */
  private static String members(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> String.format("bar%02d=%02d", i, i))
        .collect(Collectors.joining(","));
  }
}
