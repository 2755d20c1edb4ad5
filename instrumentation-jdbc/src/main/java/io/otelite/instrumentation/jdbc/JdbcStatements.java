package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.WeakIdentityMap;
import java.sql.Statement;

/**
 * The agent's memory of live JDBC statements, shared by every class loader: a pool's statement
 * proxy and the driver's statement under it may be instrumented from different application class
 * loaders, while their state must be found from either. Statements are held weakly and compared by
 * identity.
 */
public final class JdbcStatements {
  private static final WeakIdentityMap<Statement, JdbcStatementState> STATES =
      new WeakIdentityMap<>();

  private JdbcStatements() {}

  /** Remembers the SQL a statement was prepared with. */
  public static void prepared(Statement statement, String sql) {
    STATES.put(statement, new JdbcStatementState(sql));
  }

  /**
   * The statement's state, or {@code null} if it was neither prepared nor batched while the agent
   * watched.
   */
  public static JdbcStatementState get(Statement statement) {
    return STATES.get(statement);
  }

  /** The statement's state, created for a plain statement on its first {@code addBatch(sql)}. */
  public static JdbcStatementState getOrCreate(Statement statement) {
    JdbcStatementState state = STATES.get(statement);
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
}
