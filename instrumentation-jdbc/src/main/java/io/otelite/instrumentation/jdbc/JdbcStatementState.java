package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.db.SqlDialect;
import io.otelite.instrumentation.api.db.SqlStatementAnalyzer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the agent remembers about one JDBC statement between calls: the SQL it was prepared with
 * (analyzed once, at its first execution, when the connection's dialect is known) and the batch
 * being built. A statement is used by one thread at a time (JDBC objects are not thread-safe), so
 * no synchronization.
 */
public final class JdbcStatementState {
  /**
   * Statements kept for a {@code Statement.addBatch(sql)} batch's query text; the rest are only
   * counted.
   */
  static final int MAX_KEPT_BATCH_STATEMENTS = 100;

  private final String preparedSql;
  private SqlStatementInfo prepared;
  private SqlDialect preparedDialect;
  private long batchCount;
  private List<String> batchSql;

  JdbcStatementState(String preparedSql) {
    this.preparedSql = preparedSql;
  }

  /**
   * The SQL given to {@code prepareStatement}/{@code prepareCall}, or {@code null} for a plain
   * statement.
   */
  public String preparedSql() {
    return preparedSql;
  }

  /** The prepared SQL, analyzed for {@code dialect}; {@code null} for a plain statement. */
  public SqlStatementInfo prepared(SqlStatementAnalyzer analyzer, SqlDialect dialect) {
    if (preparedSql == null) {
      return null;
    }
    if (prepared == null || preparedDialect != dialect) {
      prepared = analyzer.analyze(preparedSql, dialect);
      preparedDialect = dialect;
    }
    return prepared;
  }

  /** {@code PreparedStatement.addBatch()}: one more parameter set. */
  public void addBatch() {
    batchCount++;
  }

  /** {@code Statement.addBatch(sql)}. */
  public void addBatch(String sql) {
    batchCount++;
    if (batchSql == null) {
      batchSql = new ArrayList<>();
    }
    if (batchSql.size() < MAX_KEPT_BATCH_STATEMENTS) {
      batchSql.add(sql);
    }
  }

  /** Operations added since the last execution or {@code clearBatch()}. */
  public long batchCount() {
    return batchCount;
  }

  /**
   * The SQL of {@code Statement.addBatch(sql)} calls (the first {@value
   * #MAX_KEPT_BATCH_STATEMENTS}).
   */
  public List<String> batchSql() {
    return batchSql == null ? Collections.emptyList() : batchSql;
  }

  /** {@code clearBatch()}, and what {@code executeBatch()} does when it returns or fails. */
  public void clearBatch() {
    batchCount = 0;
    batchSql = null;
  }
}
