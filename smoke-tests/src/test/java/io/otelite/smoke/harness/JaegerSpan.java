package io.otelite.smoke.harness;

import java.util.Map;

/**
 * A span as Jaeger's query API ({@code /api/traces}) shows it: OTLP attributes and the span kind
 * become tags, the resource becomes the process.
 */
public record JaegerSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String operationName,
    String serviceName,
    Map<String, Object> tags,
    Map<String, Object> processTags) {

  public boolean isRoot() {
    return parentSpanId == null;
  }

  public boolean isChildOf(JaegerSpan parent) {
    return traceId.equals(parent.traceId) && parent.spanId.equals(parentSpanId);
  }

  public String kind() {
    return String.valueOf(tags.get("span.kind"));
  }

  @Override
  public String toString() {
    return serviceName
        + " "
        + kind()
        + " "
        + operationName
        + " span="
        + spanId
        + " parent="
        + parentSpanId
        + " "
        + tags;
  }
}
