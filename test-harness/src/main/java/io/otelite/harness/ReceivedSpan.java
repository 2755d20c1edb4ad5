package io.otelite.harness;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One span as the receiver got it, with its resource and scope ({@code scopeVersion} is empty when
 * the tracer has none).
 */
public record ReceivedSpan(
    Map<String, Object> resource, String scopeName, String scopeVersion, Span span) {

  public String serviceName() {
    return String.valueOf(resource.get("service.name"));
  }

  public String name() {
    return span.getName();
  }

  public String traceId() {
    return HexFormat.of().formatHex(span.getTraceId().toByteArray());
  }

  public String spanId() {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  /** Empty for a root span. */
  public String parentSpanId() {
    return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
  }

  public boolean isRoot() {
    return span.getParentSpanId().isEmpty();
  }

  public boolean isChildOf(ReceivedSpan parent) {
    return traceId().equals(parent.traceId()) && parentSpanId().equals(parent.spanId());
  }

  public Span.SpanKind kind() {
    return span.getKind();
  }

  public boolean isServer() {
    return kind() == Span.SpanKind.SPAN_KIND_SERVER;
  }

  public boolean isClient() {
    return kind() == Span.SpanKind.SPAN_KIND_CLIENT;
  }

  public Status.StatusCode statusCode() {
    return span.getStatus().getCode();
  }

  public Duration duration() {
    return Duration.ofNanos(span.getEndTimeUnixNano() - span.getStartTimeUnixNano());
  }

  public Map<String, Object> attributes() {
    return OtlpValues.toMap(span.getAttributesList());
  }

  public Object attribute(String key) {
    return attributes().get(key);
  }

  /** A string attribute's value; null when the span does not have it. */
  public String stringAttribute(String key) {
    Object value = attribute(key);
    return value == null ? null : String.valueOf(value);
  }

  public boolean hasAttribute(String key, Object value) {
    return value.equals(attribute(key));
  }

  /** A JDBC span: a CLIENT span that names its database system. */
  public boolean isDatabaseCall() {
    return isClient() && attribute("db.system.name") != null;
  }

  /** An HTTP client span: a CLIENT span with an HTTP method and no database. */
  public boolean isHttpClientCall() {
    return isClient() && attribute("http.request.method") != null && !isDatabaseCall();
  }

  public boolean isServerSpanForRoute(String method, String route) {
    return isServer()
        && hasAttribute("http.request.method", method)
        && hasAttribute("http.route", route);
  }

  /** The one span of {@code trace} that matches; fails when there are none or several. */
  public static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> matching = trace.stream().filter(which).toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected exactly one such span, found "
              + matching.size()
              + " in:\n"
              + String.join("\n", trace.stream().map(ReceivedSpan::toString).toList()));
    }
    return matching.get(0);
  }

  @Override
  public String toString() {
    return String.format(
        "%s [%s] %s %s trace=%s span=%s parent=%s %s",
        serviceName(),
        scopeName,
        kind().name().replace("SPAN_KIND_", ""),
        name(),
        traceId(),
        spanId(),
        isRoot() ? "-" : parentSpanId(),
        attributes());
  }
}
