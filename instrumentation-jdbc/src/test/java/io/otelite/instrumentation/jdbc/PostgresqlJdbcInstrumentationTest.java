package io.otelite.instrumentation.jdbc;

import io.opentelemetry.api.common.Attributes;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite on a PostgreSQL server on 127.0.0.1:5432 (scripts/start-services.sh), through pgjdbc.
 */
class PostgresqlJdbcInstrumentationTest extends AbstractJdbcInstrumentationTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/otelite";

  @Override
  String serverName() {
    return "PostgreSQL";
  }

  @Override
  String url() {
    return URL;
  }

  @Override
  String user() {
    return "otelite";
  }

  @Override
  String password() {
    return "otelite";
  }

  @Override
  Attributes connectionAttributes() {
    return serverAttributes("postgresql", "otelite", "127.0.0.1", 5432);
  }

  @Override
  void createAddOneFunction(Statement statement) throws SQLException {
    statement.execute(
        "CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1'");
  }
}
