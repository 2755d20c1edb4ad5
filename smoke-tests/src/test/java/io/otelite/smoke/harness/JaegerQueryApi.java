package io.otelite.smoke.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jaeger's HTTP query API, the one its UI uses. */
public final class JaegerQueryApi {

  private final String baseUrl;

  public JaegerQueryApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public boolean isUp() {
    return JsonHttp.get(baseUrl + "/api/services").isPresent();
  }

  /** Every span of every trace that the service took part in. */
  public List<JaegerSpan> spansOfTracesWith(String service) {
    List<JaegerSpan> spans = new ArrayList<>();
    JsonHttp.get(
            baseUrl
                + "/api/traces?limit=50&service="
                + URLEncoder.encode(service, StandardCharsets.UTF_8))
        .ifPresent(
            answer -> {
              for (JsonNode trace : answer.path("data")) {
                Map<String, JsonNode> processes = new HashMap<>();
                trace
                    .path("processes")
                    .fields()
                    .forEachRemaining(e -> processes.put(e.getKey(), e.getValue()));
                for (JsonNode span : trace.path("spans")) {
                  JsonNode process = processes.get(span.path("processID").asText());
                  spans.add(
                      new JaegerSpan(
                          span.path("traceID").asText(),
                          span.path("spanID").asText(),
                          parent(span),
                          span.path("operationName").asText(),
                          process == null ? null : process.path("serviceName").asText(),
                          tags(span.path("tags")),
                          process == null ? Map.of() : tags(process.path("tags"))));
                }
              }
            });
    return spans;
  }

  private static String parent(JsonNode span) {
    for (JsonNode reference : span.path("references")) {
      if (reference.path("refType").asText().equals("CHILD_OF")) {
        return reference.path("spanID").asText();
      }
    }
    return null;
  }

  private static Map<String, Object> tags(JsonNode tags) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonNode tag : tags) {
      JsonNode value = tag.path("value");
      Object javaValue;
      if (value.isIntegralNumber()) {
        javaValue = value.asLong();
      } else if (value.isNumber()) {
        javaValue = value.asDouble();
      } else if (value.isBoolean()) {
        javaValue = value.asBoolean();
      } else {
        javaValue = value.asText();
      }
      map.put(tag.path("key").asText(), javaValue);
    }
    return map;
  }
}
