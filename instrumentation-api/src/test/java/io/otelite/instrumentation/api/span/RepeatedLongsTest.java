package io.otelite.instrumentation.api.span;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedLongsTest {
  @Test
  void aRepeatedValueIsBoxedOnce() {
    assertThat(RepeatedLongs.of(404)).isEqualTo(404L).isSameAs(RepeatedLongs.of(404));
    assertThat(RepeatedLongs.of(8443)).isSameAs(RepeatedLongs.of(8443));
  }

  @Test
  void valuesSharingASlotAreEachReturnedCorrectly() {
    // 1024 apart: the same slot
    assertThat(RepeatedLongs.of(200)).isEqualTo(200L);
    assertThat(RepeatedLongs.of(1224)).isEqualTo(1224L);
    assertThat(RepeatedLongs.of(200)).isEqualTo(200L);
  }

  @Test
  void negativeAndLargeValuesAreBoxedToo() {
    assertThat(RepeatedLongs.of(-1)).isEqualTo(-1L);
    assertThat(RepeatedLongs.of(Integer.MAX_VALUE)).isEqualTo((long) Integer.MAX_VALUE);
  }

  @Test
  void aConnectionsPortIsBoxedOnceForAllItsRequests() {
    Long firstRequest = RepeatedLongs.ofConnectionPort(51234);

    assertThat(firstRequest).isEqualTo(51234L).isSameAs(RepeatedLongs.ofConnectionPort(51234));
  }

  @Test
  void newConnectionsDoNotEvictTheValuesRepeatedAcrossRequests() {
    Long ok = RepeatedLongs.of(200);
    // the same slot as 200 in a shared table
    RepeatedLongs.ofConnectionPort(200 + 50 * 1024);

    assertThat(RepeatedLongs.of(200)).isSameAs(ok);
  }
}
