package io.otelite.instrumentation.api.http.client;

import io.otelite.instrumentation.api.InstrumentationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Removes secrets from a URL before it becomes {@code url.full}: the user-info becomes {@code
 * REDACTED:REDACTED} and the values of sensitive query parameters become {@code REDACTED}, as the
 * HTTP semantic conventions ask. Parameter names match case-insensitively: a secret is a secret
 * whatever its spelling.
 *
 * <p>Runs on every client call, so it scans the string once without regex, and returns the very
 * same string when there is nothing to redact.
 */
public final class UrlRedactor {
  /**
   * Query parameters whose values are redacted unless configured otherwise: semconv's list and
   * common names.
   */
  public static final List<String> DEFAULT_SENSITIVE_QUERY_PARAMETERS =
      List.of(
          "AWSAccessKeyId",
          "Signature",
          "sig",
          "X-Goog-Signature",
          "X-Amz-Signature",
          "X-Amz-Credential",
          "X-Amz-Security-Token",
          "token",
          "access_token",
          "password",
          "key",
          "secret");

  /**
   * Extra parameter names (comma-separated) whose values are redacted, in addition to the defaults.
   */
  public static final String SENSITIVE_QUERY_PARAMETERS_KEY =
      "otel.instrumentation.http.client.sensitive-query-parameters";

  static final String REDACTED = "REDACTED";
  private static final String REDACTED_USER_INFO = "REDACTED:REDACTED@";

  private final String[] sensitiveNames;

  public UrlRedactor(Collection<String> sensitiveQueryParameters) {
    this.sensitiveNames = sensitiveQueryParameters.toArray(new String[0]);
  }

  /** The defaults plus the names configured with {@value #SENSITIVE_QUERY_PARAMETERS_KEY}. */
  public static UrlRedactor fromConfig() {
    List<String> names = new ArrayList<>(DEFAULT_SENSITIVE_QUERY_PARAMETERS);
    for (String name : InstrumentationConfig.getList(SENSITIVE_QUERY_PARAMETERS_KEY)) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return new UrlRedactor(names);
  }

  public String redact(String url) {
    int authorityStart = UrlParts.authorityStart(url);
    int authorityEnd = UrlParts.authorityEnd(url, authorityStart);
    int userInfoEnd = UrlParts.userInfoEnd(url, authorityStart, authorityEnd);

    StringBuilder redacted = null;
    int copiedUpTo = 0;
    if (userInfoEnd >= 0) {
      redacted = new StringBuilder(url.length() + REDACTED_USER_INFO.length());
      redacted.append(url, 0, authorityStart).append(REDACTED_USER_INFO);
      copiedUpTo = userInfoEnd + 1;
    }

    int queryStart = url.indexOf('?', authorityEnd);
    if (queryStart >= 0) {
      int fragmentStart = url.indexOf('#', queryStart);
      int queryEnd = fragmentStart >= 0 ? fragmentStart : url.length();
      int parameterStart = queryStart + 1;
      while (parameterStart < queryEnd) {
        int parameterEnd = url.indexOf('&', parameterStart);
        if (parameterEnd < 0 || parameterEnd > queryEnd) {
          parameterEnd = queryEnd;
        }
        int equals = url.indexOf('=', parameterStart);
        if (equals >= 0 && equals + 1 < parameterEnd && isSensitive(url, parameterStart, equals)) {
          if (redacted == null) {
            redacted = new StringBuilder(url.length());
          }
          redacted.append(url, copiedUpTo, equals + 1).append(REDACTED);
          copiedUpTo = parameterEnd;
        }
        parameterStart = parameterEnd + 1;
      }
    }

    if (redacted == null) {
      return url;
    }
    return redacted.append(url, copiedUpTo, url.length()).toString();
  }

  private boolean isSensitive(String url, int nameStart, int nameEnd) {
    int length = nameEnd - nameStart;
    for (String name : sensitiveNames) {
      if (name.length() == length && url.regionMatches(true, nameStart, name, 0, length)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "UrlRedactor" + Arrays.toString(sensitiveNames);
  }
}
