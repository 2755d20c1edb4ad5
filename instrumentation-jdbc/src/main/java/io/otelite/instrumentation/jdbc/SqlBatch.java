package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.db.SqlSanitizer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import java.util.List;
import java.util.Objects;

/**
 * Describes a batch as the semantic conventions ask: the operation is {@code BATCH <operation>}
 * when all statements share it and {@code BATCH} otherwise; the query text is the common text, or
 * all texts joined with {@code "; "}; the collection only when all statements name the same one. A
 * batch of exactly one statement is described as that statement alone (and carries no {@code
 * db.operation.batch.size}).
 */
public final class SqlBatch {
  private static final String BATCH = "BATCH";

  private SqlBatch() {}

  /** {@code PreparedStatement.addBatch()} {@code count} times, then {@code executeBatch()}. */
  public static SqlStatementInfo ofRepeated(SqlStatementInfo statement, long count) {
    if (statement == null) {
      return new SqlStatementInfo(null, BATCH, null, null);
    }
    if (count == 1) {
      return statement;
    }
    return new SqlStatementInfo(
        statement.queryText(),
        batchOperation(statement.operationName()),
        statement.collectionName(),
        statement.storedProcedureName());
  }

  /**
   * {@code Statement.addBatch(sql)} for each of {@code statements}, then {@code executeBatch()};
   * {@code count} may exceed the list's size when only the first statements were kept.
   */
  public static SqlStatementInfo ofStatements(List<SqlStatementInfo> statements, long count) {
    if (statements.isEmpty()) {
      return new SqlStatementInfo(null, BATCH, null, null);
    }
    SqlStatementInfo first = statements.get(0);
    if (count == 1 && statements.size() == 1) {
      return first;
    }
    boolean sameText = true;
    boolean sameOperation = true;
    boolean sameCollection = true;
    boolean sameProcedure = true;
    for (SqlStatementInfo statement : statements) {
      sameText &= Objects.equals(statement.queryText(), first.queryText());
      sameOperation &= Objects.equals(statement.operationName(), first.operationName());
      sameCollection &= Objects.equals(statement.collectionName(), first.collectionName());
      sameProcedure &= Objects.equals(statement.storedProcedureName(), first.storedProcedureName());
    }
    String text = sameText ? first.queryText() : joined(statements);
    String operation = sameOperation ? batchOperation(first.operationName()) : BATCH;
    return new SqlStatementInfo(
        text,
        operation,
        sameCollection ? first.collectionName() : null,
        sameProcedure ? first.storedProcedureName() : null);
  }

  private static String batchOperation(String operation) {
    return operation == null ? BATCH : BATCH + ' ' + operation;
  }

  private static String joined(List<SqlStatementInfo> statements) {
    StringBuilder text = new StringBuilder();
    for (SqlStatementInfo statement : statements) {
      if (text.length() >= SqlSanitizer.MAX_QUERY_TEXT_LENGTH) {
        break;
      }
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(statement.queryText());
    }
    if (text.length() > SqlSanitizer.MAX_QUERY_TEXT_LENGTH) {
      int cut = SqlSanitizer.MAX_QUERY_TEXT_LENGTH;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text.setLength(cut);
    }
    return text.toString();
  }
}
