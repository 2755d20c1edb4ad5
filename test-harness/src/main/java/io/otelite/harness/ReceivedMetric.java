package io.otelite.harness;

import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of one export request, with the resource that sent it and its scope ({@code
 * scopeVersion} is empty when the meter has none).
 */
public record ReceivedMetric(
    Map<String, Object> resource, String scopeName, String scopeVersion, Metric metric) {

  public String serviceName() {
    return String.valueOf(resource.get("service.name"));
  }

  public String name() {
    return metric.getName();
  }

  /** For a sum of integers (counters, up-down counters): each point's attributes and value. */
  public Map<Map<String, Object>, Long> longSumValues() {
    Map<Map<String, Object>, Long> values = new LinkedHashMap<>();
    for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
      values.put(OtlpValues.toMap(point.getAttributesList()), point.getAsInt());
    }
    return values;
  }

  @Override
  public String toString() {
    return serviceName()
        + " ["
        + scopeName
        + "] "
        + name()
        + " ("
        + metric.getDataCase()
        + ", unit "
        + metric.getUnit()
        + ")";
  }
}
