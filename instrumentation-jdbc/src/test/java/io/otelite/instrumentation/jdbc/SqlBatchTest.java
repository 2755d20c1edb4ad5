package io.otelite.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.instrumentation.api.db.SqlDialect;
import io.otelite.instrumentation.api.db.SqlSanitizer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlBatchTest {
  private static final SqlStatementInfo INSERT = info("INSERT INTO t VALUES (?)");
  private static final SqlStatementInfo UPDATE = info("UPDATE t SET a = ?");
  private static final SqlStatementInfo DELETE_OTHER = info("DELETE FROM other");

  @Test
  void repeatedPreparedStatementIsABatchOfItsOperation() {
    assertThat(SqlBatch.ofRepeated(INSERT, 3))
        .isEqualTo(new SqlStatementInfo("INSERT INTO t VALUES (?)", "BATCH INSERT", "t", null));
  }

  @Test
  void batchOfOneIsTheStatementItself() {
    assertThat(SqlBatch.ofRepeated(INSERT, 1)).isSameAs(INSERT);
    assertThat(SqlBatch.ofStatements(List.of(UPDATE), 1)).isSameAs(UPDATE);
  }

  @Test
  void emptyBatchIsStillABatch() {
    assertThat(SqlBatch.ofRepeated(INSERT, 0))
        .isEqualTo(new SqlStatementInfo("INSERT INTO t VALUES (?)", "BATCH INSERT", "t", null));
    assertThat(SqlBatch.ofStatements(List.of(), 0))
        .isEqualTo(new SqlStatementInfo(null, "BATCH", null, null));
  }

  @Test
  void sameStatementsShareTextAndOperation() {
    assertThat(SqlBatch.ofStatements(List.of(INSERT, INSERT), 2))
        .isEqualTo(new SqlStatementInfo("INSERT INTO t VALUES (?)", "BATCH INSERT", "t", null));
  }

  @Test
  void differentStatementsJoinTheirTextsAndKeepOnlyWhatTheyShare() {
    assertThat(SqlBatch.ofStatements(List.of(INSERT, UPDATE), 2))
        .isEqualTo(
            new SqlStatementInfo(
                "INSERT INTO t VALUES (?); UPDATE t SET a = ?", "BATCH", "t", null));
    assertThat(SqlBatch.ofStatements(List.of(INSERT, DELETE_OTHER), 2))
        .isEqualTo(
            new SqlStatementInfo(
                "INSERT INTO t VALUES (?); DELETE FROM other", "BATCH", null, null));
  }

  @Test
  void joinedTextStaysWithinTheBound() {
    SqlStatementInfo longOne = info("SELECT " + "a, ".repeat(5000) + "b FROM t");
    SqlStatementInfo other = info("SELECT b FROM t");
    List<SqlStatementInfo> many = List.of(longOne, other, longOne, other, longOne, other);

    assertThat(SqlBatch.ofStatements(many, 6).queryText())
        .hasSize(SqlSanitizer.MAX_QUERY_TEXT_LENGTH);
  }

  private static SqlStatementInfo info(String sql) {
    return SqlSanitizer.sanitize(sql, SqlDialect.STANDARD);
  }
}
