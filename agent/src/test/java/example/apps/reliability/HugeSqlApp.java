package example.apps.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs hostile SQL on H2 (no OpenTelemetry code): 1 MB statements, binary-ish and unterminated
 * literals, comments. Every literal and comment holds the word {@code PLANTED}, which must never
 * leave the process. Prints one line per statement, {@code statement <name> outcome=<ok or
 * SQLState> ms=<time>}, and the total time.
 */
public class HugeSqlApp {
  public static final String PLANTED = "PLANTED";
  private static final int MEGABYTE = 1024 * 1024;

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:huge")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (id INT, name VARCHAR)");
      }
      long total = 0;
      for (Map.Entry<String, String> entry : statements().entrySet()) {
        total += run(connection, entry.getKey(), entry.getValue(), false);
      }
      total += run(connection, "prepared-many-rows", manyRows(), true);
      System.out.println("total ms=" + total);
    }
  }

  static Map<String, String> statements() {
    Map<String, String> statements = new LinkedHashMap<>();
    statements.put(
        "insert-1mb-literal",
        "INSERT INTO t VALUES (1, '" + PLANTED + "-big-" + "x".repeat(MEGABYTE) + "')");
    statements.put("many-rows-1mb", manyRows());
    statements.put(
        "in-list-1mb",
        "SELECT id FROM t WHERE name IN ("
            + IntStream.range(0, MEGABYTE / 20)
                .mapToObj(i -> "'" + PLANTED + "-in-" + i + "'")
                .collect(Collectors.joining(", "))
            + ")");
    StringBuilder binary = new StringBuilder();
    for (char c = 1; c < 0x20; c++) {
      binary.append(c);
    }
    binary.append('\u007f').append('\uffff').append('\ud800').append("\u00e9\u4e2d");
    statements.put("binary-literal", "SELECT '" + binary + PLANTED + "-binary" + binary + "' AS v");
    statements.put("hex-literal", "SELECT X'" + hex(PLANTED + "-hex") + "' AS v");
    statements.put("escaped-quotes", "SELECT 'it''s " + PLANTED + "-escaped''' AS v");
    statements.put("dollar-quoted", "SELECT $$" + PLANTED + "-dollar$$ AS v");
    statements.put("comments", "SELECT /* " + PLANTED + "-block */ 1 AS v -- " + PLANTED + "-line");
    statements.put(
        "unterminated-quote",
        "SELECT id FROM t WHERE name = '" + PLANTED + "-unterminated AND id = 1");
    statements.put(
        "unterminated-1mb",
        "SELECT id FROM t WHERE name = '" + PLANTED + "-long-unterminated " + "y".repeat(MEGABYTE));
    statements.put("unterminated-comment", "SELECT id FROM t /* " + PLANTED + "-open-comment");
    return statements;
  }

  /**
   * Over 1 MB: 6000 rows {@code (i, 'PLANTED-i')} (without their literals still longer than the
   * bound), then a row with a 1 MB literal. (A chain of thousands of {@code OR} would do too, but
   * H2 parses it in quadratic time.)
   */
  private static String manyRows() {
    return "INSERT INTO t VALUES "
        + IntStream.range(0, 6000)
            .mapToObj(i -> "(" + i + ", '" + PLANTED + "-row-" + i + "'), ")
            .collect(Collectors.joining())
        + "(-1, '"
        + PLANTED
        + "-last-"
        + "z".repeat(MEGABYTE)
        + "')";
  }

  private static long run(Connection connection, String name, String sql, boolean prepared) {
    long start = System.nanoTime();
    String outcome;
    try {
      if (prepared) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.execute();
        }
      } else {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
      }
      outcome = "ok";
    } catch (SQLException e) {
      outcome = e.getSQLState();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("statement " + name + " outcome=" + outcome + " ms=" + millis);
    return millis;
  }

  private static String hex(String text) {
    StringBuilder hex = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
