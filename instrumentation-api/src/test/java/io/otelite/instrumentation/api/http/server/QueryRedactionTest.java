package io.otelite.instrumentation.api.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryRedactionTest {

  @Test
  void redactsTheValuesOfSigningParameters() {
    assertThat(QueryRedaction.redact("AWSAccessKeyId=AKIA&Signature=abc%2B&Expires=1700000000"))
        .isEqualTo("AWSAccessKeyId=REDACTED&Signature=REDACTED&Expires=1700000000");
    assertThat(QueryRedaction.redact("page=2&sig=secret")).isEqualTo("page=2&sig=REDACTED");
    assertThat(QueryRedaction.redact("X-Goog-Signature=0a1b"))
        .isEqualTo("X-Goog-Signature=REDACTED");
  }

  @Test
  void leavesOtherParametersAndLookalikesAlone() {
    String query = "signature=lowercase&sigma=1&xsig=2&sig&sig=";
    assertThat(QueryRedaction.redact(query)).isSameAs(query);
    assertThat(QueryRedaction.redact("")).isEmpty();
    assertThat(QueryRedaction.redact(null)).isNull();
  }
}
