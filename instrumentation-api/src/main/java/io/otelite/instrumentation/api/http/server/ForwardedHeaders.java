package io.otelite.instrumentation.api.http.server;

/**
 * Reads what proxies tell about the original request: the {@code Forwarded} header (RFC 7239) and
 * the de-facto {@code X-Forwarded-For/-Proto/-Host} headers. Semconv takes {@code client.address},
 * {@code url.scheme} and {@code server.address} from them when present. Index scanning only: this
 * runs for every request.
 */
final class ForwardedHeaders {
  private ForwardedHeaders() {}

  /**
   * The value of parameter {@code name} (e.g. {@code for}) in the first element of a {@code
   * Forwarded} header, unquoted, or {@code null}. The first element describes the hop closest to
   * the client.
   */
  static String forwardedParameter(String header, String name) {
    if (header == null) {
      return null;
    }
    int length = header.length();
    int i = 0;
    while (i < length) {
      char c = header.charAt(i);
      if (c == ',') {
        return null; // end of the first element
      }
      if (c == ' ' || c == '\t' || c == ';') {
        i++;
        continue;
      }
      int keyStart = i;
      while (i < length && "=;,".indexOf(header.charAt(i)) < 0) {
        i++;
      }
      int keyEnd = trimEnd(header, keyStart, i);
      if (i >= length || header.charAt(i) != '=') {
        continue; // a parameter without a value
      }
      i++;
      while (i < length && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++; // not allowed by RFC 7239, but written by some proxies
      }
      int valueStart;
      int valueEnd;
      if (i < length && header.charAt(i) == '"') {
        valueStart = i + 1;
        valueEnd = header.indexOf('"', valueStart);
        if (valueEnd < 0) {
          return null; // unterminated quote: malformed, ignore the header
        }
        i = valueEnd + 1;
      } else {
        valueStart = i;
        while (i < length && header.charAt(i) != ';' && header.charAt(i) != ',') {
          i++;
        }
        valueEnd = trimEnd(header, valueStart, i);
      }
      if (keyEnd - keyStart == name.length()
          && header.regionMatches(true, keyStart, name, 0, name.length())) {
        return valueEnd > valueStart ? header.substring(valueStart, valueEnd) : null;
      }
    }
    return null;
  }

  /**
   * The first entry of a comma-separated list such as {@code X-Forwarded-For: client, proxy1}, or
   * null.
   */
  static String firstEntry(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String first = (comma < 0 ? header : header.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }

  /**
   * The host in {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; a bare IPv6
   * address as is.
   */
  static String hostOf(String hostAndPort) {
    if (hostAndPort == null || hostAndPort.isEmpty()) {
      return null;
    }
    if (hostAndPort.charAt(0) == '[') {
      int close = hostAndPort.indexOf(']');
      return close > 1 ? hostAndPort.substring(1, close) : null;
    }
    int colon = hostAndPort.indexOf(':');
    if (colon < 0 || colon != hostAndPort.lastIndexOf(':')) {
      return hostAndPort; // no port, or an IPv6 address without brackets (which cannot carry one)
    }
    return colon > 0 ? hostAndPort.substring(0, colon) : null;
  }

  /**
   * The port in {@code host:port} or {@code [v6]:port}, or -1 when there is none or it is not a
   * number.
   */
  static int portOf(String hostAndPort) {
    if (hostAndPort == null) {
      return -1;
    }
    int colon;
    if (!hostAndPort.isEmpty() && hostAndPort.charAt(0) == '[') {
      int close = hostAndPort.indexOf(']');
      colon =
          close > 0 && close + 1 < hostAndPort.length() && hostAndPort.charAt(close + 1) == ':'
              ? close + 1
              : -1;
    } else {
      colon = hostAndPort.indexOf(':');
      if (colon != hostAndPort.lastIndexOf(':')) {
        return -1;
      }
    }
    return colon < 0 ? -1 : parsePort(hostAndPort, colon + 1);
  }

  private static int parsePort(String text, int start) {
    int length = text.length();
    if (start >= length || length - start > 5) {
      return -1;
    }
    int port = 0;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return end;
  }
}
