package io.otelite.instrumentation.api.http.server;

/**
 * Replaces the values of query parameters that carry credentials in signed URLs with {@code
 * REDACTED}, as semconv asks for {@code url.query} (and the OpenTelemetry agent does): {@code
 * AWSAccessKeyId}, {@code Signature}, {@code sig} and {@code X-Goog-Signature}. Allocates only when
 * something is redacted.
 */
final class QueryRedaction {
  static final String REDACTED = "REDACTED";
  private static final String[] SENSITIVE_PARAMETERS = {
    "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature"
  };

  private QueryRedaction() {}

  static String redact(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder redacted = null;
    int copiedUpTo = 0;
    int length = query.length();
    int start = 0;
    while (start < length) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      int equals = query.indexOf('=', start);
      if (equals > start && equals < end && isSensitive(query, start, equals) && end > equals + 1) {
        if (redacted == null) {
          redacted = new StringBuilder(length);
        }
        redacted.append(query, copiedUpTo, equals + 1).append(REDACTED);
        copiedUpTo = end;
      }
      start = end + 1;
    }
    if (redacted == null) {
      return query;
    }
    return redacted.append(query, copiedUpTo, length).toString();
  }

  private static boolean isSensitive(String query, int nameStart, int nameEnd) {
    int nameLength = nameEnd - nameStart;
    for (String parameter : SENSITIVE_PARAMETERS) {
      if (parameter.length() == nameLength
          && query.regionMatches(nameStart, parameter, 0, nameLength)) {
        return true;
      }
    }
    return false;
  }
}
