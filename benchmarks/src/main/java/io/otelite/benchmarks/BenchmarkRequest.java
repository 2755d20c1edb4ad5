package io.otelite.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP request as a servlet container holds it once parsed: request line fields and a header
 * list searched by a case-insensitive scan (what Tomcat's {@code MimeHeaders} does), so header
 * reads cost what they cost there.
 */
final class BenchmarkRequest {
  final String method;
  final String path;
  final String query;
  private final String[] headerNames;
  private final String[] headerValues;

  /** {@code headers}: name, value, name, value, ... */
  BenchmarkRequest(String method, String path, String query, String... headers) {
    this.method = method;
    this.path = path;
    this.query = query;
    int count = headers.length / 2;
    this.headerNames = new String[count];
    this.headerValues = new String[count];
    for (int i = 0; i < count; i++) {
      headerNames[i] = headers[2 * i];
      headerValues[i] = headers[2 * i + 1];
    }
  }

  /**
   * A browser-like {@code GET} with the headers most requests carry, and a {@code traceparent} if
   * given.
   */
  static BenchmarkRequest typicalGet(String path, String traceparent) {
    List<String> headers =
        new ArrayList<>(
            Arrays.asList(
                "Host", "localhost:8080",
                "User-Agent",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Accept", "application/json",
                "Accept-Encoding", "gzip, deflate",
                "Connection", "keep-alive"));
    if (traceparent != null) {
      headers.add("traceparent");
      headers.add(traceparent);
    }
    return new BenchmarkRequest("GET", path, null, headers.toArray(new String[0]));
  }

  String header(String name) {
    for (int i = 0; i < headerNames.length; i++) {
      if (headerNames[i].equalsIgnoreCase(name)) {
        return headerValues[i];
      }
    }
    return null;
  }

  List<String> headers(String name) {
    List<String> values = null;
    for (int i = 0; i < headerNames.length; i++) {
      if (headerNames[i].equalsIgnoreCase(name)) {
        if (values == null) {
          values = new ArrayList<>(1);
        }
        values.add(headerValues[i]);
      }
    }
    return values == null ? List.of() : values;
  }

  int headerCount(String name) {
    int count = 0;
    for (String headerName : headerNames) {
      if (headerName.equalsIgnoreCase(name)) {
        count++;
      }
    }
    return count;
  }

  Iterable<String> headerNames() {
    return Arrays.asList(headerNames);
  }
}
