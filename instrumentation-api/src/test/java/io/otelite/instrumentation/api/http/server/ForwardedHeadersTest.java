package io.otelite.instrumentation.api.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  @Test
  void readsParametersOfTheFirstElementOnlyCaseInsensitivelyAndUnquoted() {
    String header =
        "For=\"[2001:db8:cafe::17]:4711\";proto=https;host=shop.example:8443, for=198.51.100.2";

    assertThat(ForwardedHeaders.forwardedParameter(header, "for"))
        .isEqualTo("[2001:db8:cafe::17]:4711");
    assertThat(ForwardedHeaders.forwardedParameter(header, "proto")).isEqualTo("https");
    assertThat(ForwardedHeaders.forwardedParameter(header, "host")).isEqualTo("shop.example:8443");
    assertThat(ForwardedHeaders.forwardedParameter("proto=http, for=198.51.100.2", "for")).isNull();
  }

  @Test
  void toleratesSpacesAndIgnoresMalformedHeaders() {
    assertThat(ForwardedHeaders.forwardedParameter(" for = 192.0.2.60 ; proto=http", "for"))
        .isEqualTo("192.0.2.60");
    assertThat(ForwardedHeaders.forwardedParameter("for=\"192.0.2.60", "for")).isNull();
    assertThat(ForwardedHeaders.forwardedParameter("garbage;;=;", "for")).isNull();
    assertThat(ForwardedHeaders.forwardedParameter(null, "for")).isNull();
  }

  @Test
  void firstEntryOfAListIsTheClientSideOne() {
    assertThat(ForwardedHeaders.firstEntry(" 203.0.113.7 , 10.0.0.1")).isEqualTo("203.0.113.7");
    assertThat(ForwardedHeaders.firstEntry("https")).isEqualTo("https");
    assertThat(ForwardedHeaders.firstEntry(" , 10.0.0.1")).isNull();
    assertThat(ForwardedHeaders.firstEntry(null)).isNull();
  }

  @Test
  void splitsHostAndPortOfNamesAndIpAddresses() {
    assertThat(ForwardedHeaders.hostOf("shop.example:8443")).isEqualTo("shop.example");
    assertThat(ForwardedHeaders.portOf("shop.example:8443")).isEqualTo(8443);
    assertThat(ForwardedHeaders.hostOf("shop.example")).isEqualTo("shop.example");
    assertThat(ForwardedHeaders.portOf("shop.example")).isEqualTo(-1);
    assertThat(ForwardedHeaders.hostOf("[2001:db8::17]:4711")).isEqualTo("2001:db8::17");
    assertThat(ForwardedHeaders.portOf("[2001:db8::17]:4711")).isEqualTo(4711);
    assertThat(ForwardedHeaders.hostOf("2001:db8::17")).isEqualTo("2001:db8::17");
    assertThat(ForwardedHeaders.portOf("2001:db8::17")).isEqualTo(-1);
    assertThat(ForwardedHeaders.portOf("shop.example:http")).isEqualTo(-1);
    assertThat(ForwardedHeaders.portOf("shop.example:99999")).isEqualTo(-1);
  }
}
