package io.otelite.instrumentation.jdbc.javasql;

import io.opentelemetry.context.Context;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.db.DbClientInstrumenter;
import io.otelite.instrumentation.api.db.DbClientOperation;
import io.otelite.instrumentation.api.db.SqlStatementAnalyzer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import io.otelite.instrumentation.jdbc.JdbcConnectionInfo;
import io.otelite.instrumentation.jdbc.JdbcConnections;
import io.otelite.instrumentation.jdbc.JdbcStatementState;
import io.otelite.instrumentation.jdbc.JdbcStatements;
import io.otelite.instrumentation.jdbc.SqlBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the JDBC advice does, kept out of the advice so that it reads as plain code: find what is
 * being executed, start the span, end it.
 *
 * <p>Only the outermost JDBC call on a thread makes a span: a pool's proxy statement calls the
 * driver's statement, drivers call their own {@code execute} from {@code executeQuery} or run
 * statements while committing, and some call their own {@code commit()} from {@code
 * setAutoCommit(true)}. Connection calls that make no span count as outermost calls too, so that
 * what a driver or pool does inside them makes no span either. The nesting counter is keyed by
 * {@code java.sql.Statement}, a JDK class and therefore the same key in every class loader, so that
 * a proxy and a driver loaded by different class loaders still share it. Every {@code start*} must
 * be paired with {@link #end}, which also runs when {@code start*} returned {@code null}.
 */
public final class JdbcExecutions {
  private static final Class<?> NESTING_KIND = Statement.class;
  private static final String INSTRUMENTATION_NAME = "io.otelite.jdbc";
  private static final SqlStatementInfo UNKNOWN_BATCH = SqlBatch.ofRepeated(null, -1);

  private static final DbClientInstrumenter INSTRUMENTER =
      DbClientInstrumenter.create(INSTRUMENTATION_NAME);
  private static final SqlStatementAnalyzer ANALYZER = SqlStatementAnalyzer.fromConfig();

  private JdbcExecutions() {}

  /** {@code Statement.execute*(sql, ...)}. */
  public static Object startSql(Statement statement, String sql) {
    if (CallDepth.forKind(NESTING_KIND).incrementAndGet() > 1) {
      return null;
    }
    JdbcConnectionInfo connection = connectionOf(statement);
    return start(connection, ANALYZER.analyze(sql, connection.dialect()), -1);
  }

  /**
   * {@code PreparedStatement.execute*()} and {@code CallableStatement.execute*()}: the SQL given
   * when prepared.
   */
  public static Object startPrepared(Statement statement) {
    if (CallDepth.forKind(NESTING_KIND).incrementAndGet() > 1) {
      return null;
    }
    JdbcConnectionInfo connection = connectionOf(statement);
    return start(
        connection, JdbcStatements.preparedInfo(statement, ANALYZER, connection.dialect()), -1);
  }

  /** {@code executeBatch()} and {@code executeLargeBatch()}. */
  public static Object startBatch(Statement statement) {
    if (CallDepth.forKind(NESTING_KIND).incrementAndGet() > 1) {
      return null;
    }
    JdbcConnectionInfo connection = connectionOf(statement);
    JdbcStatementState state = JdbcStatements.get(statement);
    if (state == null) {
      // batch built before the agent was watching: size unknown
      return start(connection, UNKNOWN_BATCH, -1);
    }
    long count = state.batchCount();
    SqlStatementInfo info;
    if (state.preparedSql() != null) {
      info = SqlBatch.ofRepeated(state.prepared(ANALYZER, connection.dialect()), count);
    } else {
      info = SqlBatch.ofStatements(analyzeAll(state.batchSql(), connection), count);
    }
    // the driver empties the batch whether executeBatch succeeds or fails
    state.clearBatch();
    return start(connection, info, count == 1 ? -1 : count);
  }

  /**
   * {@code Connection.commit()} and {@code rollback()}: {@code operation} is {@code COMMIT} or
   * {@code ROLLBACK}.
   */
  public static Object startTransactionEnd(Connection connection, String operation) {
    if (CallDepth.forKind(NESTING_KIND).incrementAndGet() > 1) {
      return null;
    }
    return start(
        JdbcConnections.infoFor(connection), new SqlStatementInfo(null, operation, null, null), -1);
  }

  /**
   * A JDBC call that makes no span but whose nested JDBC calls are the driver's or the pool's, not
   * the application's (see {@code UntracedConnectionCallAdvice}); paired with {@link
   * #exitCallWithoutSpan}.
   */
  public static void enterCallWithoutSpan() {
    CallDepth.forKind(NESTING_KIND).incrementAndGet();
  }

  public static void exitCallWithoutSpan() {
    CallDepth.forKind(NESTING_KIND).decrementAndGet();
  }

  /**
   * Ends what a {@code start*} method began; {@code error} is what the JDBC call threw, if
   * anything.
   */
  public static void end(Object operation, Throwable error) {
    CallDepth.forKind(NESTING_KIND).decrementAndGet();
    if (operation instanceof DbClientOperation) {
      INSTRUMENTER.end((DbClientOperation) operation, error, sqlState(error));
    }
  }

  /**
   * {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)} returned {@code
   * statement}.
   */
  public static void prepared(Statement statement, String sql) {
    if (statement != null && sql != null) {
      JdbcStatements.prepared(statement, sql);
    }
  }

  /** {@code PreparedStatement.addBatch()}. */
  public static void addBatch(Statement statement) {
    JdbcStatements.getOrCreate(statement).addBatch();
  }

  /** {@code Statement.addBatch(sql)}. */
  public static void addBatch(Statement statement, String sql) {
    JdbcStatements.getOrCreate(statement).addBatch(sql);
  }

  /**
   * {@code Statement.close()}: the statement's state is dropped now rather than after the collector
   * has found the statement unreachable, so that a statement per request leaves nothing to survive
   * a young collection.
   */
  public static void closed(Statement statement) {
    JdbcStatements.forget(statement);
  }

  /** {@code Statement.clearBatch()}. */
  public static void clearBatch(Statement statement) {
    JdbcStatementState state = JdbcStatements.get(statement);
    if (state != null) {
      state.clearBatch();
    }
  }

  private static Object start(
      JdbcConnectionInfo connection, SqlStatementInfo info, long batchSize) {
    return INSTRUMENTER.start(Context.current(), connection, info, batchSize);
  }

  private static JdbcConnectionInfo connectionOf(Statement statement) {
    Connection connection;
    try {
      connection = statement.getConnection();
    } catch (Throwable closedOrUnsupported) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    return JdbcConnections.infoFor(connection);
  }

  private static List<SqlStatementInfo> analyzeAll(
      List<String> sqls, JdbcConnectionInfo connection) {
    if (sqls.isEmpty()) {
      return Collections.emptyList();
    }
    List<SqlStatementInfo> infos = new ArrayList<>(sqls.size());
    for (String sql : sqls) {
      infos.add(ANALYZER.analyze(sql, connection.dialect()));
    }
    return infos;
  }

  private static String sqlState(Throwable error) {
    return error instanceof SQLException ? ((SQLException) error).getSQLState() : null;
  }
}
