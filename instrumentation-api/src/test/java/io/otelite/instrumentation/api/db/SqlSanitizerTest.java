package io.otelite.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSanitizerTest {

  static Stream<Arguments> standardSql() {
    return Stream.of(
        // literals in every position
        Arguments.of("SELECT * FROM orders WHERE id = 42", "SELECT * FROM orders WHERE id = ?"),
        Arguments.of(
            "SELECT * FROM orders WHERE name = 'Bob'", "SELECT * FROM orders WHERE name = ?"),
        Arguments.of("SELECT 1", "SELECT ?"),
        Arguments.of(
            "SELECT 'a', 2, 3.5, .5, 1e10, 1.5E-3, 0xFF FROM t",
            "SELECT ?, ?, ?, ?, ?, ?, ? FROM t"),
        Arguments.of(
            "UPDATE accounts SET balance = balance - 100 WHERE owner = 'x'",
            "UPDATE accounts SET balance = balance - ? WHERE owner = ?"),
        Arguments.of(
            "SELECT * FROM t WHERE a = -5 AND b=-1.5 AND c > +3",
            "SELECT * FROM t WHERE a = ? AND b=? AND c > ?"),
        Arguments.of("SELECT a-1, (b)-2 FROM t", "SELECT a-?, (b)-? FROM t"),
        Arguments.of(
            "SELECT * FROM t WHERE flag = TRUE OR other = false",
            "SELECT * FROM t WHERE flag = ? OR other = ?"),
        Arguments.of("SELECT * FROM t WHERE x IS NULL", "SELECT * FROM t WHERE x IS NULL"),
        Arguments.of("INSERT INTO t (a, b) VALUES ('x', 1)", "INSERT INTO t (a, b) VALUES (?, ?)"),
        Arguments.of(
            "SELECT * FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.v > 10",
            "SELECT * FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.v > ?"),
        Arguments.of("SELECT col1, col_2, c3$x FROM t", "SELECT col1, col_2, c3$x FROM t"),
        // quotes inside strings, escapes, typed and prefixed strings
        Arguments.of("SELECT * FROM t WHERE s = 'it''s'", "SELECT * FROM t WHERE s = ?"),
        Arguments.of(
            "SELECT * FROM t WHERE s = 'C:\\' AND u = 'v'",
            "SELECT * FROM t WHERE s = ? AND u = ?"),
        Arguments.of("SELECT E'it\\'s', e'\\\\' FROM t", "SELECT ?, ? FROM t"),
        Arguments.of("SELECT X'DEADBEEF', B'0101', N'naïve' FROM t", "SELECT ?, ?, ? FROM t"),
        Arguments.of(
            "SELECT DATE '2024-01-01', INTERVAL '1 day' FROM t",
            "SELECT DATE ?, INTERVAL ? FROM t"),
        Arguments.of("SELECT {ts '2024-01-01 10:00:00'} FROM t", "SELECT {ts ?} FROM t"),
        // dollar quoting and positional placeholders
        Arguments.of("SELECT $$secret$$", "SELECT ?"),
        Arguments.of("SELECT $body$ it's $$ nested $body$, 1", "SELECT ?, ?"),
        Arguments.of(
            "SELECT * FROM t WHERE a = $1 AND b = $2", "SELECT * FROM t WHERE a = $1 AND b = $2"),
        Arguments.of("SELECT a$b FROM t", "SELECT a$b FROM t"),
        // identifiers
        Arguments.of(
            "SELECT \"Name\", \"it's\" FROM \"Order\" WHERE \"x\"\"y\" = 1",
            "SELECT \"Name\", \"it's\" FROM \"Order\" WHERE \"x\"\"y\" = ?"),
        Arguments.of("SELECT `a` FROM `t`", "SELECT `a` FROM `t`"),
        // comments kept out, whitespace collapsed
        Arguments.of("SELECT a -- the secret 42\nFROM t", "SELECT a FROM t"),
        Arguments.of("SELECT /* hint 'x' */ a FROM t", "SELECT a FROM t"),
        Arguments.of(
            "SELECT /* outer /* inner */ still comment 'x' */ a FROM t", "SELECT a FROM t"),
        Arguments.of("  SELECT\n\ta\r\n  FROM   t  ", "SELECT a FROM t"),
        Arguments.of(
            "SELECT a FROM t # not a comment here", "SELECT a FROM t # not a comment here"),
        // IN lists collapse to one value
        Arguments.of("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?)"),
        Arguments.of(
            "SELECT * FROM t WHERE id IN (?, ?, ?) AND s IN ('a','b')",
            "SELECT * FROM t WHERE id IN (?) AND s IN (?)"),
        Arguments.of("SELECT * FROM t WHERE id in (-1, -2)", "SELECT * FROM t WHERE id in (?)"),
        Arguments.of(
            "SELECT * FROM t WHERE id IN (1, a, 2)", "SELECT * FROM t WHERE id IN (?, a, ?)"),
        Arguments.of(
            "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = 1)",
            "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)"),
        Arguments.of("INSERT INTO t VALUES (1, 2), (3, 4)", "INSERT INTO t VALUES (?, ?), (?, ?)"),
        // literals that never end hide the rest
        Arguments.of("SELECT * FROM t WHERE s = 'open", "SELECT * FROM t WHERE s = ?"),
        Arguments.of("SELECT $x$ open", "SELECT ?"),
        Arguments.of("SELECT a /* open comment 'x'", "SELECT a"),
        Arguments.of("SELECT \"open identifier", "SELECT ?"));
  }

  @ParameterizedTest
  @MethodSource("standardSql")
  void sanitizesStandardSql(String sql, String expected) {
    assertThat(SqlSanitizer.sanitize(sql, SqlDialect.STANDARD).queryText()).isEqualTo(expected);
  }

  static Stream<Arguments> mysqlSql() {
    return Stream.of(
        Arguments.of("SELECT * FROM t WHERE s = \"double quoted\"", "SELECT * FROM t WHERE s = ?"),
        Arguments.of(
            "SELECT * FROM t WHERE s = 'it\\'s' AND u = 'v'",
            "SELECT * FROM t WHERE s = ? AND u = ?"),
        Arguments.of(
            "SELECT * FROM t WHERE s = \"a\\\"b\" AND u = 1",
            "SELECT * FROM t WHERE s = ? AND u = ?"),
        Arguments.of("SELECT a FROM t # comment 'x'\nWHERE b = 1", "SELECT a FROM t WHERE b = ?"),
        Arguments.of("SELECT `order`.`id` FROM `order`", "SELECT `order`.`id` FROM `order`"),
        Arguments.of("SELECT _utf8mb4'x', X'ff' FROM t", "SELECT _utf8mb4?, ? FROM t"),
        Arguments.of("SELECT $$ FROM t", "SELECT $$ FROM t"),
        Arguments.of("SELECT /* a /* b */ c FROM t", "SELECT c FROM t"));
  }

  @ParameterizedTest
  @MethodSource("mysqlSql")
  void sanitizesMysqlSql(String sql, String expected) {
    assertThat(SqlSanitizer.sanitize(sql, SqlDialect.MYSQL).queryText()).isEqualTo(expected);
  }

  static Stream<Arguments> operationsAndTargets() {
    return Stream.of(
        Arguments.of("SELECT * FROM orders WHERE id = 1", "SELECT", "orders", null),
        Arguments.of(
            "select * from Orders o join lines l on o.id = l.order_id", "SELECT", "Orders", null),
        Arguments.of("SELECT a FROM sales.orders", "SELECT", "sales.orders", null),
        Arguments.of(
            "SELECT a FROM \"Sales\".\"Order\" WHERE x = 1", "SELECT", "\"Sales\".\"Order\"", null),
        Arguments.of("SELECT a FROM `shop`.`order`", "SELECT", "`shop`.`order`", null),
        Arguments.of(
            "SELECT EXTRACT(YEAR FROM d), (SELECT max(x) FROM inner_t) FROM outer_t",
            "SELECT",
            "outer_t",
            null),
        Arguments.of("SELECT * FROM (SELECT * FROM t) sub", "SELECT", null, null),
        Arguments.of("SELECT * FROM ONLY parent", "SELECT", "parent", null),
        Arguments.of("SELECT 1", "SELECT", null, null),
        Arguments.of("(SELECT a FROM t1) UNION (SELECT a FROM t2)", "SELECT", "t1", null),
        Arguments.of(
            "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent", "SELECT", "recent", null),
        Arguments.of("INSERT INTO orders (id) VALUES (1)", "INSERT", "orders", null),
        Arguments.of("INSERT INTO archive SELECT * FROM orders", "INSERT", "archive", null),
        Arguments.of("REPLACE INTO kv VALUES ('k', 'v')", "REPLACE", "kv", null),
        Arguments.of("MERGE INTO target t USING source s ON t.id = s.id", "MERGE", "target", null),
        Arguments.of("UPDATE orders SET total = 0", "UPDATE", "orders", null),
        Arguments.of("UPDATE LOW_PRIORITY orders SET total = 0", "UPDATE", "orders", null),
        Arguments.of("DELETE FROM orders WHERE id = 7", "DELETE", "orders", null),
        Arguments.of("CREATE TABLE orders (id INT)", "CREATE", "orders", null),
        Arguments.of(
            "CREATE TABLE IF NOT EXISTS public.orders (id INT)", "CREATE", "public.orders", null),
        Arguments.of("CREATE GLOBAL TEMPORARY TABLE tmp (id INT)", "CREATE", "tmp", null),
        Arguments.of("CREATE INDEX idx ON orders (id)", "CREATE", null, null),
        Arguments.of("CREATE VIEW v AS SELECT * FROM orders", "CREATE", null, null),
        Arguments.of("DROP TABLE IF EXISTS orders", "DROP", "orders", null),
        Arguments.of("ALTER TABLE orders ADD COLUMN x INT", "ALTER", "orders", null),
        Arguments.of("TRUNCATE TABLE orders", "TRUNCATE", "orders", null),
        Arguments.of("TRUNCATE orders", "TRUNCATE", "orders", null),
        Arguments.of("CALL add_order(?, ?)", "CALL", null, "add_order"),
        Arguments.of("{call shop.add_order(?)}", "CALL", null, "shop.add_order"),
        Arguments.of("{? = call next_id()}", "CALL", null, "next_id"),
        Arguments.of("EXEC dbo.GetCustomer 1", "EXEC", null, "dbo.GetCustomer"),
        Arguments.of("COMMIT", "COMMIT", null, null),
        Arguments.of("/* leading comment */ DELETE FROM t", "DELETE", "t", null),
        Arguments.of("frobnicate the things", null, null, null),
        Arguments.of("", null, null, null));
  }

  @ParameterizedTest
  @MethodSource("operationsAndTargets")
  void readsOperationAndTarget(String sql, String operation, String collection, String procedure) {
    SqlStatementInfo info = SqlSanitizer.sanitize(sql, SqlDialect.STANDARD);
    assertThat(info.operationName()).as("operation").isEqualTo(operation);
    assertThat(info.collectionName()).as("collection").isEqualTo(collection);
    assertThat(info.storedProcedureName()).as("procedure").isEqualTo(procedure);
  }

  @Test
  void cutsLongStatementsAtTheBoundWithoutShowingALiteral() {
    StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 20_000; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("('secret")
          .append(i)
          .append("', ")
          .append(i)
          .append(')');
    }
    SqlStatementInfo info = SqlSanitizer.sanitize(sql.toString(), SqlDialect.STANDARD);

    assertThat(info.queryText())
        .hasSize(SqlSanitizer.MAX_QUERY_TEXT_LENGTH)
        .startsWith("INSERT INTO t VALUES (?, ?), (?, ?)");
    assertThat(info.queryText()).doesNotContain("secret").doesNotContainPattern("[0-9]");
    assertThat(info.operationName()).isEqualTo("INSERT");
    assertThat(info.collectionName()).isEqualTo("t");
  }

  @Test
  void cutAtTheBoundNeverEndsInsideALiteralOrASurrogatePair() {
    String sql = "SELECT '" + "x".repeat(100) + "', \"\uD83D\uDE00\uD83D\uDE00\" FROM t";
    for (int bound = 1; bound < 40; bound++) {
      String text = SqlSanitizer.sanitize(sql, SqlDialect.STANDARD, bound).queryText();
      assertThat(text.length()).isLessThanOrEqualTo(bound);
      assertThat(text).doesNotContain("x");
      assertThat(Character.isHighSurrogate(text.isEmpty() ? 'a' : text.charAt(text.length() - 1)))
          .isFalse();
    }
  }

  @Test
  void keepsTheTextWhenSanitizationIsOff() {
    SqlStatementInfo info =
        SqlSanitizer.analyzeWithoutSanitizing(
            "SELECT * FROM orders WHERE id = 42", SqlDialect.STANDARD);

    assertThat(info)
        .isEqualTo(
            new SqlStatementInfo("SELECT * FROM orders WHERE id = 42", "SELECT", "orders", null));
  }

  @Test
  void staysLinearOnInputThatWouldMakeANaiveScannerQuadratic() {
    int size = 1 << 20;
    String[] pathological = {
      "$a$".repeat(size / 3), // dollar quote opened, never closed with a long tail to search
      "/*".repeat(size / 2), // nested comments never closed
      "'".repeat(size), // empty strings back to back
      "IN (1,".repeat(size / 6), // IN lists never closed
      "a.".repeat(size / 2), // qualified name that never ends
      "(".repeat(size), // deep nesting
      "\\'".repeat(size / 2)
    };
    for (String sql : pathological) {
      for (SqlDialect dialect : SqlDialect.values()) {
        long start = System.nanoTime();
        SqlSanitizer.sanitize(sql, dialect);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // linear work on 1 MiB takes milliseconds; quadratic work would take minutes
        assertThat(millis).as("%s... in %s", sql.substring(0, 6), dialect).isLessThan(2_000);
      }
    }
  }
}
