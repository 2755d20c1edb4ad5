package io.otelite.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementAnalyzerTest {

  @Test
  void sanitizesByDefault() {
    assertThat(
            SqlStatementAnalyzer.fromConfig()
                .analyze("SELECT * FROM t WHERE a = 'x'", SqlDialect.STANDARD))
        .isEqualTo(new SqlStatementInfo("SELECT * FROM t WHERE a = ?", "SELECT", "t", null));
  }

  @Test
  void keepsLiteralsWhenSanitizationIsOff() {
    SqlStatementAnalyzer analyzer = new SqlStatementAnalyzer(false);

    assertThat(analyzer.analyze("SELECT * FROM t WHERE a = 'x'", SqlDialect.STANDARD))
        .isEqualTo(new SqlStatementInfo("SELECT * FROM t WHERE a = 'x'", "SELECT", "t", null));
  }

  @Test
  void readsTheDialectThatTheConnectionSpeaks() {
    SqlStatementAnalyzer analyzer = new SqlStatementAnalyzer(true);
    String sql = "SELECT \"secret\" FROM t";

    assertThat(analyzer.analyze(sql, SqlDialect.STANDARD).queryText())
        .isEqualTo("SELECT \"secret\" FROM t");
    assertThat(analyzer.analyze(sql, SqlDialect.MYSQL).queryText()).isEqualTo("SELECT ? FROM t");
  }

  @Test
  void cachesRepeatedStatementsWithinItsBound() {
    SqlStatementAnalyzer analyzer = new SqlStatementAnalyzer(true);
    String sql = "SELECT a FROM t WHERE b = 1";

    assertThat(analyzer.analyze(sql, SqlDialect.STANDARD))
        .isSameAs(analyzer.analyze(sql, SqlDialect.STANDARD));
    for (int i = 0; i < 3 * SqlStatementAnalyzer.MAX_CACHED_STATEMENTS; i++) {
      assertThat(
              analyzer.analyze("SELECT a FROM t WHERE b = " + i, SqlDialect.STANDARD).queryText())
          .isEqualTo("SELECT a FROM t WHERE b = ?");
    }
    String longSql =
        "SELECT a FROM t WHERE b IN ("
            + "1, ".repeat(SqlStatementAnalyzer.MAX_CACHED_SQL_LENGTH)
            + "2)";
    assertThat(analyzer.analyze(longSql, SqlDialect.STANDARD).queryText())
        .isEqualTo("SELECT a FROM t WHERE b IN (?)");
  }
}
