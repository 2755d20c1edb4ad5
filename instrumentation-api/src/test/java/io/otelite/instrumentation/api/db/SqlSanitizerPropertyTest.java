package io.otelite.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Builds random statements from names, punctuation, comments and every kind of literal, and checks
 * that no literal survives sanitization. Literals and comments carry the marker {@code SECRET} and
 * digits, names and punctuation never do, so the property is simply: the output holds neither
 * {@code SECRET} nor a digit nor a boolean literal.
 */
class SqlSanitizerPropertyTest {
  private static final int STATEMENTS = 20_000;
  private static final String[] NAMES = {
    "SELECT",
    "FROM",
    "WHERE",
    "AND",
    "IN",
    "VALUES",
    "INSERT",
    "INTO",
    "UPDATE",
    "SET",
    "orders",
    "o.id",
    "col",
    "\"Quoted Name\"",
    "`backticked`",
    "NULL",
    "ts",
    "d"
  };
  private static final String[] PUNCTUATION = {
    "(", ")", ",", "=", "<", ">", "+", "-", "*", ".", ";", "{", "}", ":", "?", "[", "]", "@", "|"
  };
  private static final String[] WHITESPACE = {" ", "\n", "\t", "\r\n", "  "};

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void noLiteralSurvives(SqlDialect dialect) {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int n = 0; n < STATEMENTS; n++) {
      String sql = statement(random, dialect);
      String sanitized = SqlSanitizer.sanitize(sql, dialect).queryText();
      assertThat(sanitized)
          .as("seed %d, dialect %s, input:%n%s", seed, dialect, sql)
          .doesNotContain("SECRET")
          .doesNotContainPattern("[0-9]")
          .doesNotContainPattern("(?i)true|false");
    }
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void arbitraryCharactersNeverBreakTheSanitizer(SqlDialect dialect) {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String alphabet = "aZ_09 \n'\"`\\$-/*#?(),.=eEx+\uD83D\uDE00é";
    for (int n = 0; n < STATEMENTS; n++) {
      StringBuilder sql = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      SqlStatementInfo info = SqlSanitizer.sanitize(sql.toString(), dialect, 40);
      assertThat(info.queryText()).as("seed %d, input %s", seed, sql).hasSizeLessThanOrEqualTo(40);
    }
  }

  private static String statement(Random random, SqlDialect dialect) {
    StringBuilder sql = new StringBuilder();
    int fragments = 1 + random.nextInt(25);
    boolean lastWasPunctuation = false;
    for (int i = 0; i < fragments; i++) {
      int kind = random.nextInt(10);
      String fragment;
      boolean punctuation = false;
      if (kind < 3) {
        fragment = NAMES[random.nextInt(NAMES.length)];
      } else if (kind < 5) {
        fragment = PUNCTUATION[random.nextInt(PUNCTUATION.length)];
        punctuation = true;
      } else if (kind < 9) {
        fragment = literal(random, dialect);
      } else {
        fragment = comment(random, dialect);
      }
      // Only punctuation may touch what follows it: "col" and "42" would read as the name "col42",
      // and two
      // string literals side by side ('a''b') as one literal with a doubled quote, and "-" before
      // "-1" starts a
      // comment.
      boolean separate =
          !lastWasPunctuation
              || random.nextBoolean()
              || (sql.length() > 0
                  && sql.charAt(sql.length() - 1) == '-'
                  && fragment.charAt(0) == '-');
      if (sql.length() > 0 && separate) {
        sql.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
      }
      sql.append(fragment);
      lastWasPunctuation = punctuation;
    }
    if (random.nextInt(10) == 0) {
      sql.append(' ');
      sql.append("'SECRET never closed ").append(random.nextInt(1000));
    }
    return sql.toString();
  }

  private static String literal(Random random, SqlDialect dialect) {
    boolean mysql = dialect == SqlDialect.MYSQL;
    switch (random.nextInt(mysql ? 9 : 11)) {
      case 0:
        return "'" + stringBody(random, '\'', mysql) + "'";
      case 1:
        return (random.nextBoolean() ? "-" : "") + random.nextInt(Integer.MAX_VALUE);
      case 2:
        return random.nextInt(1000)
            + "."
            + random.nextInt(1000)
            + (random.nextBoolean() ? "e-" + random.nextInt(30) : "");
      case 3:
        return "." + (1 + random.nextInt(99999));
      case 4:
        return "0x" + Integer.toHexString(random.nextInt()).toUpperCase();
      case 5:
        return random.nextBoolean() ? "TRUE" : "false";
      case 6:
        return "X'" + Integer.toHexString(random.nextInt()) + "'";
      case 7:
        return "N'" + stringBody(random, '\'', mysql) + "'";
      case 8:
        return mysql
            ? "\"" + stringBody(random, '"', true) + "\""
            : "E'" + stringBody(random, '\'', true) + "'";
      case 9:
        return "$$" + dollarBody(random) + "$$";
      default:
        return "$tag$" + dollarBody(random) + "$tag$";
    }
  }

  /**
   * A string body with the marker, digits, both quotes, comment starters and escapes, quoted as the
   * dialect wants.
   */
  private static String stringBody(Random random, char quote, boolean backslashEscapes) {
    String[] pieces = {
      "SECRET", "42", " ", "--", "/*", "*/", "#", "$$", "\"", "'", "`", "\\", "\n", "true"
    };
    StringBuilder body = new StringBuilder();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String piece = pieces[random.nextInt(pieces.length)];
      if (piece.equals("\\")) {
        // a lone backslash would escape what follows it where backslashes escape
        body.append(backslashEscapes ? "\\\\" : "\\");
      } else if (piece.charAt(0) == quote) {
        body.append(backslashEscapes && random.nextBoolean() ? "\\" + quote : "" + quote + quote);
      } else {
        body.append(piece);
      }
    }
    return body.toString();
  }

  private static String dollarBody(Random random) {
    String[] pieces = {"SECRET", "7", " it's ", "\"", "--", "/*", "\n", "\\"};
    StringBuilder body = new StringBuilder();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      body.append(pieces[random.nextInt(pieces.length)]);
    }
    return body.toString();
  }

  private static String comment(Random random, SqlDialect dialect) {
    switch (random.nextInt(3)) {
      case 0:
        return "-- SECRET 1 'x\n";
      case 1:
        return dialect == SqlDialect.STANDARD ? "/* SECRET /* 2 */ 'x */" : "/* SECRET 2 'x */";
      default:
        return dialect == SqlDialect.MYSQL ? "# SECRET 3\n" : "/* 4 */";
    }
  }
}
