package io.otelite.instrumentation.api.db;

/**
 * Replaces every literal of a SQL statement with {@code ?} and reads its operation and first
 * target, in one pass over the characters (linear time, no regular expressions, no backtracking).
 *
 * <p>What it does to the text:
 *
 * <ul>
 *   <li>String literals ({@code 'it''s'}, {@code E'it\'s'}, {@code N'..'}, {@code X'ff'}, {@code
 *       B'01'}, dollar-quoted {@code $$..$$} and {@code $tag$..$tag$}, and {@code "..."} in the
 *       MySQL dialect), numbers ({@code 42}, {@code -1.5e-3}, {@code .5}, {@code 0xFF}) and {@code
 *       TRUE}/{@code FALSE} become {@code ?}. A sign directly before a number is part of the
 *       literal unless it follows a name, a value or {@code )}.
 *   <li>Comments ({@code --}, {@code /* *}{@code /}, nested in the standard dialect, and {@code #}
 *       in the MySQL dialect) are removed; runs of whitespace become one space.
 *   <li>Quoted identifiers ({@code "Order"}, {@code `order`}) and placeholders ({@code ?}, {@code
 *       $1}) are kept.
 *   <li>A list of values after {@code IN} collapses to one: {@code IN (1, 2, 3)} and {@code IN (?,
 *       ?)} both become {@code IN (?)}, so that the text does not grow, nor its cardinality
 *       multiply, with the list's length (the semantic conventions allow this).
 *   <li>A literal that is not closed runs to the end of the statement, so it can never show.
 *   <li>The result is cut at {@link #MAX_QUERY_TEXT_LENGTH} characters, and reading stops there: a
 *       literal is only ever written as a whole {@code ?}, so the cut can not expose part of one.
 * </ul>
 */
public final class SqlSanitizer {
  /** The longest {@code db.query.text} produced, in UTF-16 chars (32 Ki). */
  public static final int MAX_QUERY_TEXT_LENGTH = 32 * 1024;

  // Longer dollar-quote tags end the statement as a literal: searching for the closing tag stays
  // linear.
  private static final int MAX_DOLLAR_TAG_LENGTH = 64;

  private enum InList {
    NONE,
    OPEN,
    AFTER_VALUE,
    AFTER_COMMA
  }

  private enum Previous {
    NOTHING,
    NAME,
    VALUE,
    CLOSING,
    PUNCTUATION
  }

  private final String sql;
  private final int length;
  private final SqlDialect dialect;
  private final int maxLength;
  private final StringBuilder out;
  private final SqlOperationExtractor extractor = new SqlOperationExtractor();

  private boolean pendingSpace;
  private int depth;
  private Previous previous = Previous.NOTHING;
  private boolean previousWordIsIn;
  private InList inList = InList.NONE;
  private int listCommaMark;

  private SqlSanitizer(String sql, SqlDialect dialect, int maxLength) {
    this.sql = sql;
    this.length = sql.length();
    this.dialect = dialect;
    this.maxLength = maxLength;
    this.out = new StringBuilder(Math.min(length, maxLength) + 16);
  }

  /** Sanitizes {@code sql} and reads its operation and target. */
  public static SqlStatementInfo sanitize(String sql, SqlDialect dialect) {
    return sanitize(sql, dialect, MAX_QUERY_TEXT_LENGTH);
  }

  static SqlStatementInfo sanitize(String sql, SqlDialect dialect, int maxLength) {
    return new SqlSanitizer(sql, dialect, maxLength).run(true);
  }

  /**
   * Reads the operation and target of {@code sql} like {@link #sanitize} but keeps the text as it
   * is (cut at {@link #MAX_QUERY_TEXT_LENGTH}); for users who switched sanitization off.
   */
  public static SqlStatementInfo analyzeWithoutSanitizing(String sql, SqlDialect dialect) {
    return new SqlSanitizer(sql, dialect, MAX_QUERY_TEXT_LENGTH).run(false);
  }

  private SqlStatementInfo run(boolean sanitized) {
    int i = 0;
    while (i < length && out.length() < maxLength) {
      i = token(i);
    }
    if (out.length() > maxLength) {
      out.setLength(maxLength);
    }
    if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1);
    }
    String text;
    if (sanitized) {
      text = out.toString();
    } else {
      text = length <= maxLength ? sql : sql.substring(0, maxLength);
    }
    return extractor.result(text, out);
  }

  /** Reads the token that starts at {@code i}; returns where the next one starts. */
  private int token(int i) {
    char c = sql.charAt(i);
    char next = i + 1 < length ? sql.charAt(i + 1) : 0;
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '\f':
        pendingSpace = true;
        return i + 1;
      case '\'':
        return stringLiteral(i + 1, '\'', dialect == SqlDialect.MYSQL);
      case '"':
        return dialect == SqlDialect.MYSQL
            ? stringLiteral(i + 1, '"', true)
            : quotedIdentifier(i, '"');
      case '`':
        return quotedIdentifier(i, '`');
      case '-':
        if (next == '-') {
          return lineComment(i + 2);
        }
        break;
      case '/':
        if (next == '*') {
          return blockComment(i + 2);
        }
        break;
      case '#':
        if (dialect == SqlDialect.MYSQL) {
          return lineComment(i + 1);
        }
        break;
      case '$':
        if (dialect == SqlDialect.STANDARD) {
          return dollar(i);
        }
        break;
      case '?':
        placeholder(i, i + 1);
        return i + 1;
      default:
        break;
    }
    if (Character.isDigit(c) || (c == '.' && isDigit(next) && previous != Previous.NAME)) {
      return number(i);
    }
    if ((c == '-' || c == '+') && signedNumberFollows(i + 1) && signIsUnary()) {
      return number(i + 1);
    }
    if (Character.isLetter(c) || c == '_') {
      return word(i);
    }
    punctuation(c);
    return i + 1;
  }

  private boolean signedNumberFollows(int i) {
    if (i >= length) {
      return false;
    }
    char c = sql.charAt(i);
    return Character.isDigit(c) || (c == '.' && i + 1 < length && isDigit(sql.charAt(i + 1)));
  }

  // A sign after a name, a value or ')' is an operator: "a - 1" keeps its "-".
  private boolean signIsUnary() {
    return previous == Previous.NOTHING || previous == Previous.PUNCTUATION;
  }

  private int number(int i) {
    while (i < length) {
      char c = sql.charAt(i);
      if ((c == 'e' || c == 'E')
          && i + 2 < length
          && (sql.charAt(i + 1) == '+' || sql.charAt(i + 1) == '-')
          && isDigit(sql.charAt(i + 2))) {
        i += 3;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        // letters too: hex digits (0xFF), exponents (1e5), and whatever a driver accepts after
        // digits is hidden
        i++;
      } else {
        break;
      }
    }
    value();
    return i;
  }

  private int word(int start) {
    int end = start + 1;
    while (end < length && isWordPart(sql.charAt(end))) {
      end++;
    }
    if (end - start == 1 && end < length && sql.charAt(end) == '\'') {
      char prefix = sql.charAt(start);
      switch (prefix) {
        case 'E':
        case 'e':
          return stringLiteral(end + 1, '\'', true);
        case 'N':
        case 'n':
        case 'X':
        case 'x':
        case 'B':
        case 'b':
          return stringLiteral(end + 1, '\'', dialect == SqlDialect.MYSQL);
        default:
          break;
      }
    }
    int length = end - start;
    if ((length == 4 && isKeyword(start, end, "TRUE"))
        || (length == 5 && isKeyword(start, end, "FALSE"))) {
      value();
      return end;
    }
    boolean adjacent = !pendingSpace;
    int outStart = emit(start, end);
    extractor.onWord(sql, start, end, depth, outStart, out.length(), adjacent);
    previous = Previous.NAME;
    previousWordIsIn = length == 2 && isKeyword(start, end, "IN");
    inList = InList.NONE;
    return end;
  }

  private int quotedIdentifier(int start, char quote) {
    int i = start + 1;
    while (i < length) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < length && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        boolean adjacent = !pendingSpace;
        int outStart = emit(start, i + 1);
        extractor.onQuotedName(outStart, out.length(), adjacent);
        previous = Previous.NAME;
        previousWordIsIn = false;
        inList = InList.NONE;
        return i + 1;
      }
      i++;
    }
    // never closed: nothing tells where the name ends, so hide the rest
    value();
    return length;
  }

  private int stringLiteral(int i, char quote, boolean backslashEscapes) {
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < length && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          value();
          return i + 1;
        }
      } else {
        i++;
      }
    }
    value();
    return length;
  }

  private int dollar(int start) {
    int i = start + 1;
    if (i < length && isDigit(sql.charAt(i))) {
      int end = i + 1;
      while (end < length && isDigit(sql.charAt(end))) {
        end++;
      }
      placeholder(start, end);
      return end;
    }
    int tagEnd = i;
    if (tagEnd < length && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
      tagEnd++;
      while (tagEnd < length
          && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
        tagEnd++;
      }
    }
    if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
      punctuation('$');
      return start + 1;
    }
    value();
    if (tagEnd - i > MAX_DOLLAR_TAG_LENGTH) {
      return length;
    }
    int close = sql.indexOf(sql.substring(start, tagEnd + 1), tagEnd + 1);
    return close < 0 ? length : close + (tagEnd + 1 - start);
  }

  private int lineComment(int i) {
    while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    pendingSpace = true;
    return i;
  }

  private int blockComment(int i) {
    int nesting = 1;
    boolean nests = dialect == SqlDialect.STANDARD;
    while (i < length) {
      char c = sql.charAt(i);
      char next = i + 1 < length ? sql.charAt(i + 1) : 0;
      if (c == '*' && next == '/') {
        i += 2;
        if (--nesting == 0) {
          break;
        }
      } else if (nests && c == '/' && next == '*') {
        i += 2;
        nesting++;
      } else {
        i++;
      }
    }
    pendingSpace = true;
    return i;
  }

  /**
   * A literal: written as one {@code ?}, or dropped when it repeats a value of an {@code IN} list.
   */
  private void value() {
    valueToken(-1, -1);
  }

  private void placeholder(int start, int end) {
    valueToken(start, end);
  }

  private void valueToken(int start, int end) {
    if (inList == InList.AFTER_COMMA) {
      out.setLength(listCommaMark);
      pendingSpace = false;
      inList = InList.AFTER_VALUE;
    } else {
      if (start < 0) {
        emit('?');
      } else {
        emit(start, end);
      }
      if (inList == InList.OPEN) {
        inList = InList.AFTER_VALUE;
      }
    }
    extractor.onValue();
    previous = Previous.VALUE;
    previousWordIsIn = false;
  }

  private void punctuation(char c) {
    boolean adjacent = !pendingSpace;
    if (c == ',' && inList == InList.AFTER_VALUE) {
      listCommaMark = out.length();
      inList = InList.AFTER_COMMA;
    } else if (c == '(') {
      inList = previousWordIsIn ? InList.OPEN : InList.NONE;
    } else {
      inList = InList.NONE;
    }
    emit(c);
    if (c == '(') {
      depth++;
    } else if (c == ')' && depth > 0) {
      depth--;
    }
    extractor.onPunctuation(c, adjacent);
    previous = c == ')' || c == ']' ? Previous.CLOSING : Previous.PUNCTUATION;
    previousWordIsIn = false;
  }

  private void emit(char c) {
    writePendingSpace();
    out.append(c);
  }

  /**
   * Appends {@code sql[start, end)} (no further than the length bound); returns where it starts in
   * the output.
   */
  private int emit(int start, int end) {
    writePendingSpace();
    int outStart = out.length();
    out.append(sql, start, Math.min(end, start + Math.max(0, maxLength - outStart)));
    return outStart;
  }

  private void writePendingSpace() {
    if (pendingSpace && out.length() > 0) {
      out.append(' ');
    }
    pendingSpace = false;
  }

  private boolean isKeyword(int start, int end, String keyword) {
    return SqlOperationExtractor.isKeyword(sql, start, end, keyword);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordPart(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '$';
    }
    return Character.isLetterOrDigit(c);
  }
}
