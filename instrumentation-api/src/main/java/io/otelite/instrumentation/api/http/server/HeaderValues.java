package io.otelite.instrumentation.api.http.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The values of a request header as the servlet API hands them out ({@code getHeaders(name)}), for
 * {@link HttpServerAttributesGetter#requestHeaderValues}. Propagators ask for every value of {@code
 * traceparent} on each request, and nearly always there is one: that case costs a singleton list,
 * not a growable one.
 */
public final class HeaderValues {
  private HeaderValues() {}

  public static List<String> of(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return Collections.emptyList();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first);
    }
    List<String> all = new ArrayList<>(4);
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }
}
