package io.otelite.instrumentation.api.http.server;

import java.util.Enumeration;

/**
 * Request header values as the servlet API hands them out ({@code getHeaders(name)}), for {@link
 * HttpServerAttributesGetter#requestHeaderRepeated}: whether there is a second one, without copying
 * them into a list.
 */
public final class HeaderValues {
  private HeaderValues() {}

  public static boolean moreThanOne(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return false;
    }
    values.nextElement();
    return values.hasMoreElements();
  }
}
