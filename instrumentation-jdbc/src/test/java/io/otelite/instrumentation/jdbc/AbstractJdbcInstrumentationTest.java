package io.otelite.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.otelite.tooling.export.console.ConsoleSpanExporter;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC instrumentation's specification, run against each database by a subclass: what a
 * statement, a prepared statement, a batch, a callable statement, a failing statement, a pooled
 * connection and a transaction look like as telemetry. Every test asserts the whole trace: exactly
 * these spans, this parent, exactly these attributes.
 */
abstract class AbstractJdbcInstrumentationTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
  private static final Map<String, String> UNREACHABLE_SERVERS = new ConcurrentHashMap<>();

  private Connection connection;

  /** The URL the application uses; also what the span's attributes are read from. */
  abstract String url();

  abstract String user();

  abstract String password();

  /**
   * db.system.name, db.namespace, server.address and server.port as this database's spans must
   * carry them.
   */
  abstract Attributes connectionAttributes();

  /** Creates the function {@code add_one(int) -> int} that {@code {? = call add_one(?)}} calls. */
  abstract void createAddOneFunction(Statement statement) throws SQLException;

  /** The server's name for messages, or {@code null} for a database embedded in the test JVM. */
  abstract String serverName();

  /**
   * For databases behind a server: skips each test with a clear message when the server is not
   * reachable, except under {@code CI=true}, where a missing server is a failure. Tried once per
   * URL.
   */
  private void requireServer() {
    String failure =
        UNREACHABLE_SERVERS.computeIfAbsent(
            url(),
            url -> {
              DriverManager.setLoginTimeout(5);
              try {
                DriverManager.getConnection(url, user(), password()).close();
                return "";
              } catch (SQLException e) {
                String message =
                    serverName()
                        + " is not reachable at "
                        + url
                        + " ("
                        + e.getMessage()
                        + "); start it with scripts/start-services.sh";
                System.err.println(getClass().getSimpleName() + ": " + message);
                return message;
              }
            });
    if (failure.isEmpty()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(failure + " - CI=true requires it");
    }
    Assumptions.abort(failure);
  }

  @BeforeEach
  void createTableAndConnect() throws SQLException {
    if (serverName() != null) {
      requireServer();
    }
    connection = DriverManager.getConnection(url(), user(), password());
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS orders");
      statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(50))");
      statement.execute("INSERT INTO orders (id, item) VALUES (1, 'book')");
    }
    harness.clear();
  }

  @AfterEach
  void disconnect() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void statementMakesOneClientSpanUnderTheCurrentSpan() throws Exception {
    String item =
        harness.runWithSpan(
            "parent",
            () -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rows =
                      statement.executeQuery(
                          "SELECT item FROM orders WHERE id = 1 AND item <> 'secret'")) {
                rows.next();
                return rows.getString(1);
              }
            });

    Assertions.assertThat(item).isEqualTo("book");
    List<SpanData> spans = harness.spans();
    SpanData parent = span(spans, "parent");
    Assertions.assertThat(spans).hasSize(2);
    assertThat(span(spans, "SELECT orders"))
        .hasKind(SpanKind.CLIENT)
        .hasParent(parent)
        .hasStatus(StatusData.unset())
        .hasAttributes(
            expectedAttributes("SELECT", "orders")
                .put(
                    DbAttributes.DB_QUERY_TEXT,
                    "SELECT item FROM orders WHERE id = ? AND item <> ?")
                .build());
    // for the record: this database's span as the agent's console exporter prints it
    ConsoleSpanExporter.toStdout().export(List.of(span(spans, "SELECT orders")));
  }

  @Test
  void preparedStatementSpanCarriesTheSqlGivenWhenPrepared() throws Exception {
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO orders (id, item) VALUES (?, ?)")) {
      statement.setInt(1, 2);
      statement.setString(2, "pen");
      Assertions.assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans).hasSize(1);
    assertThat(spans.get(0))
        .hasName("INSERT orders")
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasAttributes(
            expectedAttributes("INSERT", "orders")
                .put(DbAttributes.DB_QUERY_TEXT, "INSERT INTO orders (id, item) VALUES (?, ?)")
                .build());
  }

  @Test
  void preparedStatementExecutedAgainMakesASpanEachTime() throws Exception {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT item FROM orders WHERE id = ?")) {
      for (int i = 0; i < 3; i++) {
        statement.setInt(1, 1);
        try (ResultSet rows = statement.executeQuery()) {
          Assertions.assertThat(rows.next()).isTrue();
        }
      }
    }

    Assertions.assertThat(harness.spans())
        .extracting(SpanData::getName)
        .containsExactly("SELECT orders", "SELECT orders", "SELECT orders");
  }

  @Test
  void preparedStatementTooLongForTheAnalyzersCacheKeepsItsSqlForEveryExecution() throws Exception {
    // longer than the analyzer caches: the statement's own state keeps the analysis instead
    StringBuilder sql = new StringBuilder("SELECT item FROM orders WHERE id = ?");
    while (sql.length() <= 2048) {
      sql.append(" AND item <> 'never'");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < 2; i++) {
        statement.setInt(1, 1);
        try (ResultSet rows = statement.executeQuery()) {
          Assertions.assertThat(rows.next()).isTrue();
        }
      }
    }

    String sanitized = sql.toString().replace("'never'", "?");
    Assertions.assertThat(harness.spans())
        .extracting(SpanData::getName, span -> span.getAttributes().get(DbAttributes.DB_QUERY_TEXT))
        .containsExactly(
            Assertions.tuple("SELECT orders", sanitized),
            Assertions.tuple("SELECT orders", sanitized));
  }

  @Test
  void aClosedStatementIsForgottenAtOnceNotWhenItIsCollected() throws Exception {
    PreparedStatement statement =
        connection.prepareStatement("SELECT item FROM orders WHERE id = ?");
    Assertions.assertThat(JdbcStatements.get(statement))
        .as("the SQL is remembered while it is open")
        .isNotNull();

    statement.close();

    Assertions.assertThat(JdbcStatements.get(statement))
        .as("nothing is kept for a closed statement")
        .isNull();
  }

  @Test
  void preparedBatchIsOneSpanWithItsSize() throws Exception {
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO orders (id, item) VALUES (?, ?)")) {
      for (int id = 10; id < 13; id++) {
        statement.setInt(1, id);
        statement.setString(2, "item " + id);
        statement.addBatch();
      }
      Assertions.assertThat(statement.executeBatch()).hasSize(3);
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans).hasSize(1);
    assertThat(spans.get(0))
        .hasName("BATCH INSERT orders")
        .hasKind(SpanKind.CLIENT)
        .hasAttributes(
            expectedAttributes("BATCH INSERT", "orders")
                .put(DbAttributes.DB_QUERY_TEXT, "INSERT INTO orders (id, item) VALUES (?, ?)")
                .put(DbAttributes.DB_OPERATION_BATCH_SIZE, 3L)
                .build());
  }

  @Test
  void statementBatchJoinsItsSanitizedStatements() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO orders (id, item) VALUES (20, 'lamp')");
      statement.addBatch("UPDATE orders SET item = 'desk lamp' WHERE id = 20");
      Assertions.assertThat(statement.executeBatch()).hasSize(2);
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans).hasSize(1);
    assertThat(spans.get(0))
        .hasName("BATCH orders")
        .hasKind(SpanKind.CLIENT)
        .hasAttributes(
            expectedAttributes("BATCH", "orders")
                .put(
                    DbAttributes.DB_QUERY_TEXT,
                    "INSERT INTO orders (id, item) VALUES (?, ?); UPDATE orders SET item = ? WHERE id = ?")
                .put(DbAttributes.DB_OPERATION_BATCH_SIZE, 2L)
                .build());
  }

  @Test
  void callableStatementNamesTheProcedure() throws Exception {
    try (Statement statement = connection.createStatement()) {
      createAddOneFunction(statement);
    }
    harness.clear();

    try (CallableStatement call = connection.prepareCall("{? = call add_one(?)}")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.setInt(2, 41);
      call.execute();
      Assertions.assertThat(call.getInt(1)).isEqualTo(42);
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans).hasSize(1);
    assertThat(spans.get(0))
        .hasName("CALL add_one")
        .hasKind(SpanKind.CLIENT)
        .hasAttributes(
            connectionAttributes().toBuilder()
                .put(DbAttributes.DB_OPERATION_NAME, "CALL")
                .put(DbAttributes.DB_STORED_PROCEDURE_NAME, "add_one")
                .put(DbAttributes.DB_QUERY_TEXT, "{? = call add_one(?)}")
                .build());
  }

  @Test
  void failingStatementIsAnErrorAndTheApplicationGetsTheDriversException() throws Exception {
    SQLException[] thrown = new SQLException[1];
    assertThatThrownBy(
            () ->
                harness.runWithSpan(
                    "parent",
                    () -> {
                      try (Statement statement = connection.createStatement()) {
                        return statement.executeQuery("SELECT * FROM no_such_table WHERE id = 7");
                      } catch (SQLException e) {
                        thrown[0] = e;
                        throw e;
                      }
                    }))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> Assertions.assertThat(e.getMessage()).containsIgnoringCase("no_such_table"));

    SQLException error = thrown[0];
    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans).hasSize(2);
    AttributesBuilder expected =
        expectedAttributes("SELECT", "no_such_table")
            .put(DbAttributes.DB_QUERY_TEXT, "SELECT * FROM no_such_table WHERE id = ?")
            .put(ErrorAttributes.ERROR_TYPE, error.getClass().getName());
    if (error.getSQLState() != null) {
      expected.put(DbAttributes.DB_RESPONSE_STATUS_CODE, error.getSQLState());
    }
    assertThat(span(spans, "SELECT no_such_table"))
        .hasKind(SpanKind.CLIENT)
        .hasParent(span(spans, "parent"))
        .hasStatus(StatusData.error())
        .hasException(error)
        .hasAttributes(expected.build());
  }

  @Test
  void pooledConnectionMakesOneSpanPerStatementNotOnePerLayer() throws Exception {
    try (HikariDataSource pool = new HikariDataSource(poolConfig())) {
      try (Connection pooled = pool.getConnection()) {
        harness.clear();
        harness.runWithSpan(
            "parent",
            () -> {
              try (PreparedStatement statement =
                  pooled.prepareStatement("SELECT item FROM orders WHERE id = ?")) {
                statement.setInt(1, 1);
                try (ResultSet rows = statement.executeQuery()) {
                  return rows.next();
                }
              }
            });
        try (Statement statement = pooled.createStatement()) {
          statement.executeUpdate("UPDATE orders SET item = 'novel' WHERE id = 1");
        }
      }
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactlyInAnyOrder("SELECT orders", "parent", "UPDATE orders");
    assertThat(span(spans, "SELECT orders"))
        .hasParent(span(spans, "parent"))
        .hasAttributes(
            expectedAttributes("SELECT", "orders")
                .put(DbAttributes.DB_QUERY_TEXT, "SELECT item FROM orders WHERE id = ?")
                .build());
    assertThat(span(spans, "UPDATE orders"))
        .hasNoParent()
        .hasAttributes(
            expectedAttributes("UPDATE", "orders")
                .put(DbAttributes.DB_QUERY_TEXT, "UPDATE orders SET item = ? WHERE id = ?")
                .build());
  }

  @Test
  void commitAndRollbackAreShortSpans() throws Exception {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO orders (id, item) VALUES (30, 'cup')");
      connection.commit();
      statement.executeUpdate("DELETE FROM orders WHERE id = 30");
      connection.rollback();
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly("INSERT orders", "COMMIT", "DELETE orders", "ROLLBACK");
    assertThat(span(spans, "COMMIT"))
        .hasKind(SpanKind.CLIENT)
        .hasAttributes(
            connectionAttributes().toBuilder()
                .put(DbAttributes.DB_OPERATION_NAME, "COMMIT")
                .build());
    assertThat(span(spans, "ROLLBACK"))
        .hasAttributes(
            connectionAttributes().toBuilder()
                .put(DbAttributes.DB_OPERATION_NAME, "ROLLBACK")
                .build());
  }

  @Test
  void switchingAutoCommitBackOnMakesNoSecondCommitSpan() throws Exception {
    // what Hibernate and Spring do after every transaction; H2 and pgjdbc implement it by calling
    // their own commit() when a transaction is open
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO orders (id, item) VALUES (31, 'plate')");
    }
    connection.commit();
    connection.setAutoCommit(true);

    Assertions.assertThat(harness.spans())
        .extracting(SpanData::getName)
        .containsExactly("INSERT orders", "COMMIT");
  }

  @Test
  void pooledTransactionAsSpringRunsItMakesOneCommitSpan() throws Exception {
    try (HikariDataSource pool = new HikariDataSource(poolConfig())) {
      harness.runWithSpan(
          "parent",
          () -> {
            try (Connection pooled = pool.getConnection()) {
              pooled.setAutoCommit(false);
              try (PreparedStatement statement =
                  pooled.prepareStatement("INSERT INTO orders (id, item) VALUES (?, ?)")) {
                statement.setInt(1, 32);
                statement.setString(2, "bowl");
                statement.executeUpdate();
              }
              pooled.commit();
              pooled.setAutoCommit(true);
            }
            return null;
          });
    }

    List<SpanData> spans = harness.spans();
    Assertions.assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactlyInAnyOrder("parent", "INSERT orders", "COMMIT");
    assertThat(span(spans, "COMMIT"))
        .hasParent(span(spans, "parent"))
        .hasAttributes(
            connectionAttributes().toBuilder()
                .put(DbAttributes.DB_OPERATION_NAME, "COMMIT")
                .build());
  }

  @Test
  void thePoolsRollbackOfAnAbandonedTransactionIsNotTheApplicationsRollback() throws Exception {
    try (HikariDataSource pool = new HikariDataSource(poolConfig())) {
      try (Connection pooled = pool.getConnection()) {
        harness.clear();
        pooled.setAutoCommit(false);
        try (Statement statement = pooled.createStatement()) {
          statement.executeUpdate("INSERT INTO orders (id, item) VALUES (33, 'jug')");
        }
        // closed without commit() or rollback(): HikariCP rolls the work back itself
      }
      List<SpanData> spans = harness.spans();

      try (Connection pooled = pool.getConnection();
          Statement statement = pooled.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders WHERE id = 33")) {
        rows.next();
        Assertions.assertThat(rows.getInt(1)).as("the pool rolled the insert back").isZero();
      }
      Assertions.assertThat(spans).extracting(SpanData::getName).containsExactly("INSERT orders");
    }
  }

  @Test
  void whatADriverRunsInsideAnUntracedConnectionCallMakesNoSpan() throws Exception {
    // pgjdbc answers isValid() with a query of its own; pools call it on every borrow after idling
    Assertions.assertThat(connection.isValid(5)).isTrue();
    connection.setReadOnly(false);
    connection.getTransactionIsolation();

    Assertions.assertThat(harness.spans()).isEmpty();
  }

  @Test
  void durationMetricHasTheConventionsBucketsAndAttributes() throws Exception {
    SQLException error = null;
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT item FROM orders WHERE id = 1").close();
      statement.executeQuery("SELECT * FROM no_such_table");
    } catch (SQLException e) {
      error = e;
    }
    Assertions.assertThat((Throwable) error).isNotNull();

    MetricData metric = harness.metric("db.client.operation.duration");
    Assertions.assertThat(metric).isNotNull();
    Attributes success = expectedAttributes("SELECT", "orders").build();
    AttributesBuilder failureBuilder =
        expectedAttributes("SELECT", "no_such_table")
            .put(ErrorAttributes.ERROR_TYPE, error.getClass().getName());
    if (error.getSQLState() != null) {
      failureBuilder.put(DbAttributes.DB_RESPONSE_STATUS_CODE, error.getSQLState());
    }
    Attributes failure = failureBuilder.build();
    assertThat(metric)
        .hasUnit("s")
        .hasHistogramSatisfying(
            histogram ->
                histogram.containsPointsSatisfying(
                    point ->
                        point
                            .hasAttributes(success)
                            .hasBucketBoundaries(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10),
                    point -> point.hasAttributes(failure)));
  }

  private HikariConfig poolConfig() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setUsername(user());
    config.setPassword(password());
    // one connection, made while the pool starts: no connection is added (and set up with queries
    // of the pool's) in the background while a test runs
    config.setMaximumPoolSize(1);
    config.setPoolName("otelite-test");
    return config;
  }

  private AttributesBuilder expectedAttributes(String operation, String collection) {
    return connectionAttributes().toBuilder()
        .put(DbAttributes.DB_OPERATION_NAME, operation)
        .put(DbAttributes.DB_COLLECTION_NAME, collection);
  }

  static Attributes serverAttributes(String system, String namespace, String address, long port) {
    return Attributes.builder()
        .put(DbAttributes.DB_SYSTEM_NAME, system)
        .put(DbAttributes.DB_NAMESPACE, namespace)
        .put(ServerAttributes.SERVER_ADDRESS, address)
        .put(ServerAttributes.SERVER_PORT, port)
        .build();
  }

  private static SpanData span(List<SpanData> spans, String name) {
    List<SpanData> named =
        spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    Assertions.assertThat(named).as("spans named '%s' in %s", name, spans).hasSize(1);
    return named.get(0);
  }
}
