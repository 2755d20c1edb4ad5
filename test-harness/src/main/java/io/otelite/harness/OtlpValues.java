package io.otelite.harness;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OTLP attribute values as plain Java values (String, Long, Double, Boolean, List, Map). */
final class OtlpValues {

  private OtlpValues() {}

  static Map<String, Object> toMap(List<KeyValue> attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue attribute : attributes) {
      map.put(attribute.getKey(), toJava(attribute.getValue()));
    }
    return map;
  }

  static Object toJava(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BOOL_VALUE -> value.getBoolValue();
      case BYTES_VALUE -> HexFormat.of().formatHex(value.getBytesValue().toByteArray());
      case ARRAY_VALUE ->
          value.getArrayValue().getValuesList().stream().map(OtlpValues::toJava).toList();
      case KVLIST_VALUE -> toMap(value.getKvlistValue().getValuesList());
      case VALUE_NOT_SET -> null;
    };
  }
}
