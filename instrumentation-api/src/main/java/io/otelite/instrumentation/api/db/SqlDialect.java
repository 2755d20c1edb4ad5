package io.otelite.instrumentation.api.db;

import io.opentelemetry.semconv.DbAttributes.DbSystemNameValues;

/**
 * The lexical rules the {@link SqlSanitizer} needs to tell literals from the rest. Only the rules
 * that decide where a literal ends differ between databases; reading a statement with the wrong
 * rules could show part of a literal, so the dialect follows the database system the connection
 * talks to.
 */
public enum SqlDialect {
  /**
   * Standard SQL, as PostgreSQL, H2, Oracle, SQL Server, Db2 and most others read it: {@code "..."}
   * quotes an identifier, a backslash is an ordinary character except in {@code E'...'} strings,
   * {@code $$...$$} and {@code $tag$...$tag$} quote strings, block comments nest.
   */
  STANDARD,
  /**
   * MySQL and MariaDB: {@code "..."} is a string literal (unless the server runs with {@code
   * ANSI_QUOTES}, in which case treating it as a literal only hides an identifier), a backslash
   * escapes the next character in strings, {@code #} starts a comment, block comments do not nest.
   */
  MYSQL;

  public static SqlDialect forSystem(String dbSystemName) {
    if (DbSystemNameValues.MYSQL.equals(dbSystemName)
        || DbSystemNameValues.MARIADB.equals(dbSystemName)) {
      return MYSQL;
    }
    return STANDARD;
  }
}
