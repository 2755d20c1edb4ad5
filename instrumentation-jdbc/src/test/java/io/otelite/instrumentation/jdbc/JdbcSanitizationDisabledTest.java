package io.otelite.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.semconv.DbAttributes;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code
 * -Dotel.instrumentation.common.db-query-sanitization.enabled=false} (see the pom): the query text
 * then keeps its literals.
 */
class JdbcSanitizationDisabledTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  @Test
  void queryTextKeepsItsLiteralsWhenSanitizationIsSwitchedOff() throws Exception {
    Assertions.assertThat(
            System.getProperty("otel.instrumentation.common.db-query-sanitization.enabled"))
        .as("run by the pom's sanitization-disabled execution")
        .isEqualTo("false");
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:unsanitized", "sa", "");
        Statement statement = connection.createStatement()) {
      harness.clear();
      statement.executeQuery("SELECT 'visible' AS word, 42 AS answer").close();
    }

    Assertions.assertThat(harness.spans()).hasSize(1);
    assertThat(harness.spans().get(0))
        .hasName("SELECT")
        .hasAttributesSatisfying(
            attributes ->
                Assertions.assertThat(attributes.get(DbAttributes.DB_QUERY_TEXT))
                    .isEqualTo("SELECT 'visible' AS word, 42 AS answer"));
  }
}
