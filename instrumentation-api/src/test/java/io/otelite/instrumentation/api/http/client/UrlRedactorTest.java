package io.otelite.instrumentation.api.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlRedactorTest {
  private final UrlRedactor redactor =
      new UrlRedactor(UrlRedactor.DEFAULT_SENSITIVE_QUERY_PARAMETERS);

  @Test
  void aUrlWithoutSecretsIsReturnedAsIs() {
    String url = "https://example.com:8443/orders/42?page=2&sort=asc#top";

    assertThat(redactor.redact(url)).isSameAs(url);
  }

  @Test
  void userInfoIsReplaced() {
    assertThat(redactor.redact("https://alice:s3cret@example.com/path"))
        .isEqualTo("https://REDACTED:REDACTED@example.com/path");
    assertThat(redactor.redact("http://alice@example.com:8080"))
        .isEqualTo("http://REDACTED:REDACTED@example.com:8080");
  }

  @Test
  void anAtSignInThePathOrQueryIsNotUserInfo() {
    String url = "http://example.com/users/bob@example.com?mail=a@b.c";

    assertThat(redactor.redact(url)).isSameAs(url);
  }

  @Test
  void valuesOfSensitiveQueryParametersAreReplaced() {
    assertThat(redactor.redact("http://localhost/ok?token=abc&sig=xyz&page=1"))
        .isEqualTo("http://localhost/ok?token=REDACTED&sig=REDACTED&page=1");
    assertThat(
            redactor.redact(
                "https://bucket.s3.amazonaws.com/o?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=f00d&X-Amz-Expires=60"))
        .isEqualTo(
            "https://bucket.s3.amazonaws.com/o?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Expires=60");
  }

  @Test
  void parameterNamesMatchWholeAndCaseInsensitively() {
    assertThat(redactor.redact("http://h/p?PASSWORD=1&Password=2&passwords=3&mykey=4&key=5"))
        .isEqualTo(
            "http://h/p?PASSWORD=REDACTED&Password=REDACTED&passwords=3&mykey=4&key=REDACTED");
  }

  @Test
  void theFragmentIsKeptAndNotTreatedAsQuery() {
    assertThat(redactor.redact("http://h/p?secret=abc#secret=def"))
        .isEqualTo("http://h/p?secret=REDACTED#secret=def");
  }

  @Test
  void emptyValuesAndParametersWithoutValueStayAsTheyAre() {
    String url = "http://h/p?token=&sig&&=x";

    assertThat(redactor.redact(url)).isSameAs(url);
  }

  @Test
  void userInfoAndQueryAreRedactedTogether() {
    assertThat(redactor.redact("http://u:p@[::1]:9090/x?a=1&Signature=zz"))
        .isEqualTo("http://REDACTED:REDACTED@[::1]:9090/x?a=1&Signature=REDACTED");
  }

  @Test
  void configuredNamesAreRedactedToo() {
    UrlRedactor custom = new UrlRedactor(List.of("session"));

    assertThat(custom.redact("http://h/?session=1&token=2"))
        .isEqualTo("http://h/?session=REDACTED&token=2");
  }

  @Test
  void aRelativeUrlOnlyHasItsQueryRedacted() {
    assertThat(redactor.redact("/a@b/c?key=1")).isEqualTo("/a@b/c?key=REDACTED");
  }
}
