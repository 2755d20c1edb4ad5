package io.otelite.instrumentation.api.db;

/**
 * Follows the tokens the {@link SqlSanitizer} reads and picks out the statement's operation (its
 * leading keyword, or the main keyword after a {@code WITH} clause) and its first target: the table
 * after {@code FROM} (SELECT, DELETE), {@code INTO} (INSERT, REPLACE, MERGE), {@code UPDATE},
 * {@code TABLE} (CREATE, ALTER, DROP, TRUNCATE), or the procedure after {@code CALL}/{@code EXEC}.
 * A target is a possibly qualified, possibly quoted name ({@code sales."Order"}); it is taken from
 * the sanitizer's output, where names are kept as written. Keywords are only looked at on the
 * statement's own nesting level, so a sub-query's {@code FROM} does not count.
 */
final class SqlOperationExtractor {
  private static final String[] OPERATIONS = {
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "MERGE",
    "UPSERT",
    "REPLACE",
    "CALL",
    "EXEC",
    "EXECUTE",
    "CREATE",
    "ALTER",
    "DROP",
    "TRUNCATE",
    "GRANT",
    "REVOKE",
    "SHOW",
    "SET",
    "USE",
    "EXPLAIN",
    "DESCRIBE",
    "VALUES",
    "TABLE",
    "COMMIT",
    "ROLLBACK",
    "BEGIN",
    "START",
    "SAVEPOINT",
    "RELEASE",
    "LOCK",
    "ANALYZE",
    "VACUUM",
    "COPY",
    "DECLARE",
    "FETCH",
    "PREPARE",
    "DEALLOCATE",
    "LISTEN",
    "NOTIFY",
    "REFRESH",
    "COMMENT",
    "RENAME",
    "OPTIMIZE",
    "CHECKPOINT",
    "SCRIPT",
    "RUNSCRIPT",
    "BACKUP",
    "RESTORE"
  };
  private static final String[] OPERATIONS_AFTER_WITH = {
    "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"
  };
  // CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMPORARY] [UNLOGGED] TABLE: TABLE comes within this many
  // words or not at all.
  private static final int MAX_WORDS_BEFORE_TABLE = 5;

  private enum State {
    FIRST_WORD,
    WITH_CLAUSE,
    AWAIT_FROM,
    AWAIT_INTO,
    AWAIT_UPDATE_TARGET,
    AWAIT_DDL_TABLE,
    AWAIT_TRUNCATE_TARGET,
    AWAIT_TARGET,
    AWAIT_DDL_TARGET,
    IN_TARGET,
    AFTER_TARGET_DOT,
    DONE
  }

  private State state = State.FIRST_WORD;
  private String operation;
  private int operationDepth;
  private int withDepth;
  private int wordsAfterOperation;
  private boolean targetIsProcedure;
  private int targetStart = -1;
  private int targetEnd = -1;

  void onWord(
      String sql, int start, int end, int depth, int outStart, int outEnd, boolean adjacent) {
    switch (state) {
      case FIRST_WORD:
        if (is(sql, start, end, "WITH")) {
          withDepth = depth;
          state = State.WITH_CLAUSE;
        } else {
          String keyword = match(sql, start, end, OPERATIONS);
          if (keyword == null) {
            state = State.DONE;
          } else {
            startOperation(keyword, depth);
          }
        }
        return;
      case WITH_CLAUSE:
        if (depth == withDepth) {
          String keyword = match(sql, start, end, OPERATIONS_AFTER_WITH);
          if (keyword != null) {
            startOperation(keyword, depth);
          }
        }
        return;
      case AWAIT_FROM:
        if (depth == operationDepth && is(sql, start, end, "FROM")) {
          state = State.AWAIT_TARGET;
        }
        return;
      case AWAIT_INTO:
        if (depth == operationDepth && is(sql, start, end, "INTO")) {
          state = State.AWAIT_TARGET;
        }
        return;
      case AWAIT_UPDATE_TARGET:
        if (!is(sql, start, end, "LOW_PRIORITY")
            && !is(sql, start, end, "IGNORE")
            && !is(sql, start, end, "ONLY")) {
          startTarget(outStart, outEnd);
        }
        return;
      case AWAIT_DDL_TABLE:
        if (is(sql, start, end, "TABLE")) {
          state = State.AWAIT_DDL_TARGET;
        } else if (++wordsAfterOperation >= MAX_WORDS_BEFORE_TABLE) {
          state = State.DONE;
        }
        return;
      case AWAIT_TRUNCATE_TARGET:
        if (is(sql, start, end, "TABLE")) {
          state = State.AWAIT_DDL_TARGET;
        } else {
          startTarget(outStart, outEnd);
        }
        return;
      case AWAIT_TARGET:
        // PostgreSQL's "FROM ONLY t"
        if (!is(sql, start, end, "ONLY")) {
          startTarget(outStart, outEnd);
        }
        return;
      case AWAIT_DDL_TARGET:
        if (!is(sql, start, end, "IF")
            && !is(sql, start, end, "NOT")
            && !is(sql, start, end, "EXISTS")) {
          startTarget(outStart, outEnd);
        }
        return;
      case AFTER_TARGET_DOT:
        onNamePart(outEnd, adjacent);
        return;
      case IN_TARGET:
        state = State.DONE;
        return;
      default:
        return;
    }
  }

  void onQuotedName(int outStart, int outEnd, boolean adjacent) {
    switch (state) {
      case AWAIT_UPDATE_TARGET:
      case AWAIT_TRUNCATE_TARGET:
      case AWAIT_TARGET:
      case AWAIT_DDL_TARGET:
        startTarget(outStart, outEnd);
        return;
      case AFTER_TARGET_DOT:
        onNamePart(outEnd, adjacent);
        return;
      case FIRST_WORD:
      case AWAIT_DDL_TABLE:
      case IN_TARGET:
        state = State.DONE;
        return;
      default:
        return;
    }
  }

  void onPunctuation(char c, boolean adjacent) {
    switch (state) {
      case IN_TARGET:
        state = c == '.' && adjacent ? State.AFTER_TARGET_DOT : State.DONE;
        return;
      case AFTER_TARGET_DOT:
      case AWAIT_UPDATE_TARGET:
      case AWAIT_TRUNCATE_TARGET:
      case AWAIT_TARGET:
      case AWAIT_DDL_TARGET:
      case AWAIT_DDL_TABLE:
        // e.g. "FROM (SELECT ...)": no single table to name
        state = State.DONE;
        return;
      default:
        // before the first word: "{call p}", "{? = call p}", "(SELECT ...) UNION ..."
        return;
    }
  }

  void onValue() {
    switch (state) {
      case IN_TARGET:
      case AFTER_TARGET_DOT:
      case AWAIT_UPDATE_TARGET:
      case AWAIT_TRUNCATE_TARGET:
      case AWAIT_TARGET:
      case AWAIT_DDL_TARGET:
      case AWAIT_DDL_TABLE:
        state = State.DONE;
        return;
      default:
        return;
    }
  }

  SqlStatementInfo result(String queryText, CharSequence sanitized) {
    String target = null;
    if (targetStart >= 0) {
      int end = Math.min(targetEnd, sanitized.length());
      if (end > targetStart) {
        target = sanitized.subSequence(targetStart, end).toString();
      }
    }
    return new SqlStatementInfo(
        queryText, operation, targetIsProcedure ? null : target, targetIsProcedure ? target : null);
  }

  private void startOperation(String keyword, int depth) {
    operation = keyword;
    operationDepth = depth;
    switch (keyword) {
      case "SELECT":
      case "DELETE":
        state = State.AWAIT_FROM;
        break;
      case "INSERT":
      case "REPLACE":
      case "MERGE":
      case "UPSERT":
        state = State.AWAIT_INTO;
        break;
      case "UPDATE":
        state = State.AWAIT_UPDATE_TARGET;
        break;
      case "CREATE":
      case "ALTER":
      case "DROP":
        state = State.AWAIT_DDL_TABLE;
        break;
      case "TRUNCATE":
        state = State.AWAIT_TRUNCATE_TARGET;
        break;
      case "CALL":
      case "EXEC":
      case "EXECUTE":
        targetIsProcedure = true;
        state = State.AWAIT_TARGET;
        break;
      default:
        state = State.DONE;
        break;
    }
  }

  private void startTarget(int outStart, int outEnd) {
    targetStart = outStart;
    targetEnd = outEnd;
    state = State.IN_TARGET;
  }

  private void onNamePart(int outEnd, boolean adjacent) {
    if (adjacent) {
      targetEnd = outEnd;
      state = State.IN_TARGET;
    } else {
      state = State.DONE;
    }
  }

  private static boolean is(String sql, int start, int end, String keyword) {
    return isKeyword(sql, start, end, keyword);
  }

  /** Whether {@code sql[start, end)} is {@code keyword} (upper-case ASCII) in any case. */
  static boolean isKeyword(String sql, int start, int end, String keyword) {
    if (end - start != keyword.length()) {
      return false;
    }
    for (int i = start, k = 0; i < end; i++, k++) {
      char c = sql.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c -= 'a' - 'A';
      }
      if (c != keyword.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static String match(String sql, int start, int end, String[] keywords) {
    for (String keyword : keywords) {
      if (is(sql, start, end, keyword)) {
        return keyword;
      }
    }
    return null;
  }
}
