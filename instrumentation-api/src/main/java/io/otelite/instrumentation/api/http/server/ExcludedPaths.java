package io.otelite.instrumentation.api.http.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request paths that make no telemetry (health checks, scrape endpoints): exact paths, or prefixes
 * written with a trailing {@code *} ({@code /internal/*}). Checked on every request, so a set
 * lookup and a few {@code startsWith}, no regex.
 */
final class ExcludedPaths {
  private static final ExcludedPaths NONE = new ExcludedPaths(new HashSet<>(), new String[0]);

  private final Set<String> exact;
  private final String[] prefixes;

  private ExcludedPaths(Set<String> exact, String[] prefixes) {
    this.exact = exact;
    this.prefixes = prefixes;
  }

  static ExcludedPaths of(Collection<String> patterns) {
    if (patterns == null || patterns.isEmpty()) {
      return NONE;
    }
    Set<String> exact = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String raw : patterns) {
      String pattern = raw.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      if (pattern.endsWith("*")) {
        prefixes.add(pattern.substring(0, pattern.length() - 1));
      } else {
        exact.add(pattern);
      }
    }
    return new ExcludedPaths(exact, prefixes.toArray(new String[0]));
  }

  boolean isEmpty() {
    return exact.isEmpty() && prefixes.length == 0;
  }

  boolean matches(String path) {
    if (path == null) {
      return false;
    }
    if (exact.contains(path)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
