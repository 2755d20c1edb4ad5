package io.otelite.instrumentation.api.db;

import java.util.Objects;

/**
 * What a span may tell about one SQL statement: its (sanitized) text, and the operation and target
 * read from it. Fields that could not be determined are {@code null}.
 */
public final class SqlStatementInfo {
  private final String queryText;
  private final String operationName;
  private final String collectionName;
  private final String storedProcedureName;

  public SqlStatementInfo(
      String queryText, String operationName, String collectionName, String storedProcedureName) {
    this.queryText = queryText;
    this.operationName = operationName;
    this.collectionName = collectionName;
    this.storedProcedureName = storedProcedureName;
  }

  /** {@code db.query.text}: sanitized unless sanitization is switched off. */
  public String queryText() {
    return queryText;
  }

  /**
   * {@code db.operation.name}: the statement's leading keyword in upper case, e.g. {@code SELECT}.
   */
  public String operationName() {
    return operationName;
  }

  /**
   * {@code db.collection.name}: the first table the statement names, as written (quotes and schema
   * kept).
   */
  public String collectionName() {
    return collectionName;
  }

  /**
   * {@code db.stored_procedure.name}: the procedure a {@code CALL} or {@code EXEC} statement runs.
   */
  public String storedProcedureName() {
    return storedProcedureName;
  }

  /** The operation's target for the span name: the collection, else the stored procedure. */
  public String target() {
    return collectionName != null ? collectionName : storedProcedureName;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SqlStatementInfo)) {
      return false;
    }
    SqlStatementInfo that = (SqlStatementInfo) other;
    return Objects.equals(queryText, that.queryText)
        && Objects.equals(operationName, that.operationName)
        && Objects.equals(collectionName, that.collectionName)
        && Objects.equals(storedProcedureName, that.storedProcedureName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queryText, operationName, collectionName, storedProcedureName);
  }

  @Override
  public String toString() {
    return "SqlStatementInfo{queryText="
        + queryText
        + ", operationName="
        + operationName
        + ", collectionName="
        + collectionName
        + ", storedProcedureName="
        + storedProcedureName
        + '}';
  }
}
