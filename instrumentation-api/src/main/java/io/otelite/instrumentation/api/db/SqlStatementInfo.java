package io.otelite.instrumentation.api.db;

import io.opentelemetry.api.common.Attributes;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a span may tell about one SQL statement: its (sanitized) text, and the operation and target
 * read from it. Fields that could not be determined are {@code null}.
 */
public final class SqlStatementInfo {
  private final String queryText;
  private final String operationName;
  private final String collectionName;
  private final String storedProcedureName;
  private final String spanName;

  /**
   * The metric attributes of this statement on the connection it last ran on: applications run
   * their statements on one database, so they are made once, not for every execution.
   */
  private volatile MetricAttributes lastMetricAttributes;

  public SqlStatementInfo(
      String queryText, String operationName, String collectionName, String storedProcedureName) {
    this.queryText = queryText;
    this.operationName = operationName;
    this.collectionName = collectionName;
    this.storedProcedureName = storedProcedureName;
    this.spanName = spanNameOf(operationName, target());
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

  /**
   * The span name this statement gives: {@code {operation} {target}}, else the operation, else the
   * target; {@code null} when it has neither (the span is then named after the database system).
   * Made once, since analyses are cached per SQL text.
   */
  public String spanName() {
    return spanName;
  }

  private static String spanNameOf(String operation, String target) {
    if (operation != null && target != null) {
      return operation + ' ' + target;
    }
    return operation != null ? operation : target;
  }

  /**
   * The metric attributes of this statement on {@code connection}, made by {@code make} unless this
   * statement's last execution was on an equal connection.
   */
  Attributes metricAttributes(
      DbConnectionAttributes connection,
      BiFunction<DbConnectionAttributes, SqlStatementInfo, Attributes> make) {
    MetricAttributes last = lastMetricAttributes;
    if (last != null && last.connection.equals(connection)) {
      return last.attributes;
    }
    Attributes attributes = make.apply(connection, this);
    lastMetricAttributes = new MetricAttributes(connection, attributes);
    return attributes;
  }

  private static final class MetricAttributes {
    final DbConnectionAttributes connection;
    final Attributes attributes;

    MetricAttributes(DbConnectionAttributes connection, Attributes attributes) {
      this.connection = connection;
      this.attributes = attributes;
    }
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
