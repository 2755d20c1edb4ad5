package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.WeakIdentityMap;
import io.otelite.instrumentation.api.db.SqlDialect;
import io.otelite.instrumentation.api.db.SqlStatementAnalyzer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import java.sql.Statement;

/**
 * The agent's memory of live JDBC statements, shared by every class loader: a pool's statement
 * proxy and the driver's statement under it may be instrumented from different application class
 * loaders, while their state must be found from either. Statements are held weakly and compared by
 * identity.
 *
 * <p>What is held for a statement is its prepared SQL text itself, as long as that is all there is
 * to know: a statement is prepared on every request in most applications (twice under a pool, the
 * proxy and the driver's), and the analyzer already caches by text. A {@link JdbcStatementState}
 * takes its place once the statement is batched, or when its SQL is too long for the analyzer's
 * cache and the analysis is kept with the statement instead.
 */
public final class JdbcStatements {
  /** Values: the prepared SQL ({@code String}) or a {@link JdbcStatementState}. */
  private static final WeakIdentityMap<Statement, Object> STATES = new WeakIdentityMap<>();

  private JdbcStatements() {}

  /** Remembers the SQL a statement was prepared with. */
  public static void prepared(Statement statement, String sql) {
    STATES.put(statement, sql);
  }

  /**
   * The SQL the statement was prepared with, analyzed for {@code dialect}; {@code null} for a plain
   * statement or one prepared before the agent watched.
   */
  public static SqlStatementInfo preparedInfo(
      Statement statement, SqlStatementAnalyzer analyzer, SqlDialect dialect) {
    Object held = STATES.get(statement);
    if (held instanceof String) {
      String sql = (String) held;
      if (SqlStatementAnalyzer.caches(sql)) {
        return analyzer.analyze(sql, dialect);
      }
      held = promote(statement, sql);
    }
    return held == null ? null : ((JdbcStatementState) held).prepared(analyzer, dialect);
  }

  /**
   * The statement's state, or {@code null} if it was neither prepared nor batched while the agent
   * watched.
   */
  public static JdbcStatementState get(Statement statement) {
    Object held = STATES.get(statement);
    return held instanceof String ? promote(statement, (String) held) : (JdbcStatementState) held;
  }

  /** The statement's state, created for a plain statement on its first {@code addBatch(sql)}. */
  public static JdbcStatementState getOrCreate(Statement statement) {
    JdbcStatementState state = get(statement);
    if (state == null) {
      state = new JdbcStatementState(null);
      STATES.put(statement, state);
    }
    return state;
  }

  /**
   * Forgets a closed statement. A statement pool that hands the same object out again prepares it
   * again.
   */
  public static void forget(Statement statement) {
    STATES.remove(statement);
  }

  static int size() {
    return STATES.size();
  }

  private static JdbcStatementState promote(Statement statement, String preparedSql) {
    JdbcStatementState state = new JdbcStatementState(preparedSql);
    STATES.replace(statement, state);
    return state;
  }
}
