package io.otelite.instrumentation.api.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPartsTest {

  @Test
  void hostAndExplicitPort() {
    assertThat(UrlParts.host("http://example.com:8080/a?b=c")).isEqualTo("example.com");
    assertThat(UrlParts.port("http://example.com:8080/a?b=c")).isEqualTo(8080);
  }

  @Test
  void theSchemeGivesTheDefaultPort() {
    assertThat(UrlParts.port("http://example.com/a")).isEqualTo(80);
    assertThat(UrlParts.port("HTTPS://example.com")).isEqualTo(443);
    assertThat(UrlParts.port("ftp://example.com/")).isEqualTo(-1);
  }

  @Test
  void userInfoIsNotPartOfTheHost() {
    assertThat(UrlParts.host("https://user:pa:ss@api.example.com:9443/"))
        .isEqualTo("api.example.com");
    assertThat(UrlParts.port("https://user:pa:ss@api.example.com:9443/")).isEqualTo(9443);
  }

  @Test
  void ipv6HostsLoseTheirBrackets() {
    assertThat(UrlParts.host("http://[::1]:9090/x")).isEqualTo("::1");
    assertThat(UrlParts.port("http://[::1]:9090/x")).isEqualTo(9090);
    assertThat(UrlParts.port("https://[2001:db8::7]/x")).isEqualTo(443);
  }

  @Test
  void theAuthorityEndsAtQueryOrFragmentToo() {
    assertThat(UrlParts.host("http://example.com?q=a:b")).isEqualTo("example.com");
    assertThat(UrlParts.port("http://example.com#frag:1")).isEqualTo(80);
  }

  @Test
  void malformedOrRelativeUrlsGiveNothing() {
    assertThat(UrlParts.host("/relative/path")).isNull();
    assertThat(UrlParts.port("/relative/path")).isEqualTo(-1);
    assertThat(UrlParts.host("http:///path")).isNull();
    assertThat(UrlParts.port("http://example.com:99999/")).isEqualTo(-1);
    assertThat(UrlParts.port("http://example.com:8a/")).isEqualTo(-1);
  }
}
