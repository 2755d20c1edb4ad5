package io.otelite.tooling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {
  @Test
  void otlpHeaderValuesAreMaskedButTheirNamesKept() {
    assertThat(
            SecretMasking.mask(
                "otel.exporter.otlp.headers", "Authorization=Bearer s3cr3t,x-tenant=acme"))
        .isEqualTo("Authorization=****,x-tenant=****");
  }

  @Test
  void perSignalHeadersAreMaskedToo() {
    assertThat(SecretMasking.mask("otel.exporter.otlp.traces.headers", "api-key=abc"))
        .isEqualTo("api-key=****");
  }

  @Test
  void passwordsAndTokensAreMaskedWhole() {
    assertThat(SecretMasking.mask("otel.exporter.foo.password", "hunter2")).isEqualTo("****");
    assertThat(SecretMasking.mask("otel.exporter.foo.token", "t0k3n")).isEqualTo("****");
  }

  @Test
  void ordinaryValuesAreShown() {
    assertThat(SecretMasking.mask("otel.service.name", "orders")).isEqualTo("orders");
  }
}
