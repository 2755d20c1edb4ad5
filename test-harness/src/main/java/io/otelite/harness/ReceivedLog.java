package io.otelite.harness;

import io.opentelemetry.proto.logs.v1.LogRecord;
import java.util.HexFormat;
import java.util.Map;

/**
 * One log record as the receiver got it, with its resource and scope (the application's logger
 * name).
 */
public record ReceivedLog(Map<String, Object> resource, String scopeName, LogRecord record) {

  public String body() {
    return String.valueOf(OtlpValues.toJava(record.getBody()));
  }

  public String severityText() {
    return record.getSeverityText();
  }

  /** Empty when the record was logged outside any span. */
  public String traceId() {
    return HexFormat.of().formatHex(record.getTraceId().toByteArray());
  }

  public String spanId() {
    return HexFormat.of().formatHex(record.getSpanId().toByteArray());
  }

  public Map<String, Object> attributes() {
    return OtlpValues.toMap(record.getAttributesList());
  }

  @Override
  public String toString() {
    return scopeName
        + " "
        + severityText()
        + " '"
        + body()
        + "' trace="
        + traceId()
        + " span="
        + spanId()
        + " "
        + attributes().keySet();
  }
}
