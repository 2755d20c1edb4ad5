package io.otelite.instrumentation.jdbc;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.semconv.DbAttributes;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite on H2, embedded in the test JVM: always runs. Public, so that H2 may call {@link
 * #addOne}.
 */
public class H2JdbcInstrumentationTest extends AbstractJdbcInstrumentationTest {

  @Override
  String serverName() {
    return null;
  }

  @Override
  String url() {
    return "jdbc:h2:mem:otelite;DB_CLOSE_DELAY=-1";
  }

  @Override
  String user() {
    return "sa";
  }

  @Override
  String password() {
    return "";
  }

  @Override
  Attributes connectionAttributes() {
    // embedded: no server address or port
    return Attributes.builder()
        .put(DbAttributes.DB_SYSTEM_NAME, "h2database")
        .put(DbAttributes.DB_NAMESPACE, "otelite")
        .build();
  }

  @Override
  void createAddOneFunction(Statement statement) throws SQLException {
    statement.execute(
        "CREATE ALIAS IF NOT EXISTS add_one FOR '"
            + H2JdbcInstrumentationTest.class.getName()
            + ".addOne'");
  }

  /** The Java function H2 runs for {@code add_one}. */
  public static int addOne(int value) {
    return value + 1;
  }
}
