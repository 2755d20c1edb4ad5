package io.otelite.instrumentation.logging.log4j;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.logging.LoggingContextKeys;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/** Adds the current span's ids to an event's context data. */
final class SpanContextData {
  private SpanContextData() {}

  /** Never fails: what it returns becomes the event's context data. */
  static StringMap withTraceIds(StringMap contextData) {
    try {
      SpanContext spanContext = Span.current().getSpanContext();
      if (contextData == null
          || !spanContext.isValid()
          || contextData.containsKey(LoggingContextKeys.TRACE_ID)) {
        return contextData;
      }
      // a frozen map is the thread context's own copy-on-write snapshot, shared with other events:
      // copy it
      StringMap target =
          contextData.isFrozen() ? new SortedArrayStringMap(contextData) : contextData;
      target.putValue(LoggingContextKeys.TRACE_ID, spanContext.getTraceId());
      target.putValue(LoggingContextKeys.SPAN_ID, spanContext.getSpanId());
      target.putValue(LoggingContextKeys.TRACE_FLAGS, spanContext.getTraceFlags().asHex());
      return target;
    } catch (RuntimeException e) {
      return contextData;
    }
  }
}
