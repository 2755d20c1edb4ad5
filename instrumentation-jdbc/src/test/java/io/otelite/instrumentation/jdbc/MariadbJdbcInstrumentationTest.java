package io.otelite.instrumentation.jdbc;

import io.opentelemetry.api.common.Attributes;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite on a MariaDB server on 127.0.0.1:3306 (scripts/start-services.sh), through
 * mariadb-java-client.
 */
class MariadbJdbcInstrumentationTest extends AbstractJdbcInstrumentationTest {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/otelite";

  @Override
  String serverName() {
    return "MariaDB";
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
    return serverAttributes("mariadb", "otelite", "127.0.0.1", 3306);
  }

  @Override
  void createAddOneFunction(Statement statement) throws SQLException {
    statement.execute("DROP FUNCTION IF EXISTS add_one");
    statement.execute("CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1");
  }
}
