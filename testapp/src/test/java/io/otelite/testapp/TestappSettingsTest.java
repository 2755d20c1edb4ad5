package io.otelite.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestappSettingsTest {

  @Test
  void defaultsToPort8080OnLoopbackWithH2AndNoDownstream() {
    TestappSettings settings = TestappSettings.from(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(settings.jdbcUrl()).isEqualTo(TestappSettings.DEFAULT_JDBC_URL);
    assertThat(settings.downstreamUrl()).isNull();
  }

  @Test
  void readsPortDatabaseAndDownstreamFromTheEnvironment() {
    TestappSettings settings =
        TestappSettings.from(
            Map.of(
                "TESTAPP_PORT", "0",
                "TESTAPP_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/orders",
                "TESTAPP_JDBC_USER", "app",
                "TESTAPP_JDBC_PASSWORD", "secret",
                "TESTAPP_DOWNSTREAM_URL", "http://127.0.0.1:9090/"));

    assertThat(settings.port()).isZero();
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/orders");
    assertThat(settings.jdbcUser()).isEqualTo("app");
    assertThat(settings.jdbcPassword()).isEqualTo("secret");
    assertThat(settings.downstreamUrl()).isEqualTo("http://127.0.0.1:9090");
  }

  @Test
  void rejectsAPortThatIsNotOne() {
    assertThatThrownBy(() -> TestappSettings.from(Map.of("TESTAPP_PORT", "http")))
        .hasMessageContaining("TESTAPP_PORT=http");
  }
}
