package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.semconv.AttributeKeyTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers a user asked to record ({@code
 * otel.instrumentation.http.server.capture-request-headers} and {@code
 * ...capture-response-headers}), with their attribute keys built once: {@code
 * http.request.header.<name>} with the name in lower case, every value of the header as a string
 * array.
 */
public final class CapturedHttpHeaders {
  private final List<String> names;
  private final List<AttributeKey<List<String>>> keys;

  private CapturedHttpHeaders(List<String> names, List<AttributeKey<List<String>>> keys) {
    this.names = names;
    this.keys = keys;
  }

  public static CapturedHttpHeaders of(
      Collection<String> configuredNames, AttributeKeyTemplate<List<String>> template) {
    Set<String> lowerCase = new LinkedHashSet<>();
    for (String name : configuredNames) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty()) {
        lowerCase.add(trimmed.toLowerCase(Locale.ROOT));
      }
    }
    List<String> names = new ArrayList<>(lowerCase);
    List<AttributeKey<List<String>>> keys = new ArrayList<>(names.size());
    for (String name : names) {
      keys.add(template.getAttributeKey(name));
    }
    return new CapturedHttpHeaders(
        Collections.unmodifiableList(names), Collections.unmodifiableList(keys));
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  public int size() {
    return names.size();
  }

  /** The lower-case header name at {@code index}. */
  public String name(int index) {
    return names.get(index);
  }

  public AttributeKey<List<String>> key(int index) {
    return keys.get(index);
  }
}
