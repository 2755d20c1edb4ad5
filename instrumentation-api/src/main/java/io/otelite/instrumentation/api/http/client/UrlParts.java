package io.otelite.instrumentation.api.http.client;

/**
 * Finds the parts of an absolute URL ({@code scheme://user@host:port/path?query#fragment}) by
 * scanning the string, without building a {@link java.net.URI}: clients hand us strings they
 * already validated, and this runs on every call.
 */
final class UrlParts {
  private UrlParts() {}

  /** Index where the authority starts, or -1 if the URL has no {@code scheme://}. */
  static int authorityStart(String url) {
    int schemeEnd = url.indexOf("://");
    return schemeEnd < 0 ? -1 : schemeEnd + 3;
  }

  /**
   * Index just after the authority (at the path, query or fragment), or 0 if there is no authority.
   */
  static int authorityEnd(String url, int authorityStart) {
    if (authorityStart < 0) {
      return 0;
    }
    for (int i = authorityStart; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }

  /** Index of the {@code @} that ends the user-info, or -1 if there is none. */
  static int userInfoEnd(String url, int authorityStart, int authorityEnd) {
    if (authorityStart < 0 || authorityEnd <= authorityStart) {
      return -1;
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    return at >= authorityStart ? at : -1;
  }

  /** The host, without IPv6 brackets; {@code null} if the URL has none. */
  static String host(String url) {
    int authorityStart = authorityStart(url);
    int authorityEnd = authorityEnd(url, authorityStart);
    int hostStart = hostStart(url, authorityStart, authorityEnd);
    if (hostStart < 0) {
      return null;
    }
    int hostEnd = hostEnd(url, hostStart, authorityEnd);
    if (url.charAt(hostStart) == '[') {
      return hostEnd - 1 > hostStart + 1 ? url.substring(hostStart + 1, hostEnd - 1) : null;
    }
    return hostEnd > hostStart ? url.substring(hostStart, hostEnd) : null;
  }

  /** The explicit port, else the scheme's default (80, 443), else -1. */
  static int port(String url) {
    int authorityStart = authorityStart(url);
    int authorityEnd = authorityEnd(url, authorityStart);
    int hostStart = hostStart(url, authorityStart, authorityEnd);
    if (hostStart < 0) {
      return -1;
    }
    int hostEnd = hostEnd(url, hostStart, authorityEnd);
    if (hostEnd < authorityEnd && url.charAt(hostEnd) == ':' && hostEnd + 1 < authorityEnd) {
      return parsePort(url, hostEnd + 1, authorityEnd);
    }
    return defaultPort(url, authorityStart - 3);
  }

  private static int hostStart(String url, int authorityStart, int authorityEnd) {
    if (authorityStart < 0 || authorityEnd <= authorityStart) {
      return -1;
    }
    int userInfoEnd = userInfoEnd(url, authorityStart, authorityEnd);
    int hostStart = userInfoEnd >= 0 ? userInfoEnd + 1 : authorityStart;
    return hostStart < authorityEnd ? hostStart : -1;
  }

  /** Index just after the host: at the port's colon or the end of the authority. */
  private static int hostEnd(String url, int hostStart, int authorityEnd) {
    if (url.charAt(hostStart) == '[') {
      int close = url.indexOf(']', hostStart);
      return close >= 0 && close < authorityEnd ? close + 1 : authorityEnd;
    }
    int colon = url.indexOf(':', hostStart);
    return colon >= 0 && colon < authorityEnd ? colon : authorityEnd;
  }

  private static int parsePort(String url, int start, int end) {
    int port = 0;
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c < '0' || c > '9' || port > 65535) {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port > 0 && port <= 65535 ? port : -1;
  }

  private static int defaultPort(String url, int schemeEnd) {
    if (schemeEnd == 4 && url.regionMatches(true, 0, "http", 0, 4)) {
      return 80;
    }
    if (schemeEnd == 5 && url.regionMatches(true, 0, "https", 0, 5)) {
      return 443;
    }
    return -1;
  }
}
