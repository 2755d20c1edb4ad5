package io.otelite.instrumentation.api.db;

import io.otelite.instrumentation.api.InstrumentationConfig;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns SQL into a {@link SqlStatementInfo}, sanitized unless the user switched sanitization off
 * with {@code otel.instrumentation.common.db-query-sanitization.enabled=false} ({@code
 * OTEL_INSTRUMENTATION_COMMON_DB_QUERY_SANITIZATION_ENABLED}).
 *
 * <p>Applications run the same few statements over and over, so results are cached by SQL text: a
 * bounded map (at most {@value #MAX_CACHED_STATEMENTS} statements of up to {@value
 * #MAX_CACHED_SQL_LENGTH} chars; with their sanitized texts about 4 MiB at worst), emptied when
 * full. A cache hit costs one hash lookup, which for a constant SQL string is an identity
 * comparison.
 */
public final class SqlStatementAnalyzer {
  public static final String SANITIZATION_ENABLED_KEY =
      "otel.instrumentation.common.db-query-sanitization.enabled";

  static final int MAX_CACHED_STATEMENTS = 512;
  static final int MAX_CACHED_SQL_LENGTH = 2048;

  private final boolean sanitize;
  private final ConcurrentHashMap<String, SqlStatementInfo> standardCache =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SqlStatementInfo> mysqlCache = new ConcurrentHashMap<>();

  public SqlStatementAnalyzer(boolean sanitize) {
    this.sanitize = sanitize;
  }

  /** The analyzer the agent's configuration asks for. */
  public static SqlStatementAnalyzer fromConfig() {
    return new SqlStatementAnalyzer(
        InstrumentationConfig.getBoolean(SANITIZATION_ENABLED_KEY, true));
  }

  public boolean sanitizes() {
    return sanitize;
  }

  public SqlStatementInfo analyze(String sql, SqlDialect dialect) {
    if (sql == null) {
      return null;
    }
    if (!caches(sql)) {
      return analyzeUncached(sql, dialect);
    }
    ConcurrentHashMap<String, SqlStatementInfo> cache =
        dialect == SqlDialect.MYSQL ? mysqlCache : standardCache;
    SqlStatementInfo info = cache.get(sql);
    if (info == null) {
      info = analyzeUncached(sql, dialect);
      if (cache.size() >= MAX_CACHED_STATEMENTS) {
        // statements with inline literals make endless distinct texts: start over rather than grow
        cache.clear();
      }
      cache.put(sql, info);
    }
    return info;
  }

  /** Whether {@link #analyze} remembers its result for {@code sql}, so a caller need not. */
  public static boolean caches(String sql) {
    return sql.length() <= MAX_CACHED_SQL_LENGTH;
  }

  private SqlStatementInfo analyzeUncached(String sql, SqlDialect dialect) {
    return sanitize
        ? SqlSanitizer.sanitize(sql, dialect)
        : SqlSanitizer.analyzeWithoutSanitizing(sql, dialect);
  }
}
