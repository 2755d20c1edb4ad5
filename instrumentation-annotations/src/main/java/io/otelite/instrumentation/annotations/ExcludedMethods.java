package io.otelite.instrumentation.annotations;

import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.InstrumentationConfig;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Annotated methods the user wants no span for, in the OpenTelemetry agent's format: {@code
 * otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods=my.Class[a,b];other.Class[c]}.
 */
final class ExcludedMethods {
  static final String KEY =
      "otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods";

  private final Map<String, Set<String>> methodsByClass;

  private ExcludedMethods(Map<String, Set<String>> methodsByClass) {
    this.methodsByClass = methodsByClass;
  }

  static ExcludedMethods fromConfig() {
    return parse(InstrumentationConfig.getString(KEY, ""));
  }

  static ExcludedMethods parse(String value) {
    Map<String, Set<String>> methodsByClass = new HashMap<>();
    for (String entry : value.split(";")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int open = trimmed.indexOf('[');
      if (open <= 0 || !trimmed.endsWith("]")) {
        AgentLog.warn(KEY + ": '" + trimmed + "' is not Class[method,method]; it is ignored");
        continue;
      }
      Set<String> methods =
          methodsByClass.computeIfAbsent(trimmed.substring(0, open).trim(), c -> new HashSet<>());
      for (String method : trimmed.substring(open + 1, trimmed.length() - 1).split(",")) {
        if (!method.trim().isEmpty()) {
          methods.add(method.trim());
        }
      }
    }
    return new ExcludedMethods(methodsByClass);
  }

  boolean isExcluded(String className, String methodName) {
    return methodsByClass.getOrDefault(className, Collections.emptySet()).contains(methodName);
  }

  boolean isEmpty() {
    return methodsByClass.isEmpty();
  }
}
