package io.otelite.instrumentation.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.api.WeakIdentityMap;
import io.otelite.instrumentation.logging.LoggingContextKeys;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The span each Logback event was logged under, held weakly by event (a {@code LoggingEvent} has no
 * field to keep it in), and the MDC view with its ids. Only events logged while a span was current
 * are remembered.
 */
final class EventSpanContexts {
  private static final WeakIdentityMap<ILoggingEvent, EventSpan> SPANS = new WeakIdentityMap<>();

  private EventSpanContexts() {}

  static void capture(ILoggingEvent event) {
    SpanContext spanContext = Span.current().getSpanContext();
    if (spanContext.isValid()) {
      SPANS.put(event, new EventSpan(spanContext));
    }
  }

  /** Never fails: what it returns replaces what the application would have seen. */
  static Map<String, String> withTraceIds(ILoggingEvent event, Map<String, String> mdc) {
    try {
      EventSpan span = SPANS.get(event);
      return span == null ? mdc : span.withTraceIds(mdc);
    } catch (RuntimeException e) {
      return mdc;
    }
  }

  /** One event's span, and the MDC view last built for it, so that repeated reads build it once. */
  private static final class EventSpan {
    private final SpanContext spanContext;
    private volatile View last;

    EventSpan(SpanContext spanContext) {
      this.spanContext = spanContext;
    }

    Map<String, String> withTraceIds(Map<String, String> mdc) {
      View view = last;
      if (view != null && view.mdc == mdc) {
        return view.withIds;
      }
      if (mdc != null && mdc.containsKey(LoggingContextKeys.TRACE_ID)) {
        return mdc; // the application put its own
      }
      Map<String, String> withIds = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
      withIds.put(LoggingContextKeys.TRACE_ID, spanContext.getTraceId());
      withIds.put(LoggingContextKeys.SPAN_ID, spanContext.getSpanId());
      withIds.put(LoggingContextKeys.TRACE_FLAGS, spanContext.getTraceFlags().asHex());
      view = new View(mdc, Collections.unmodifiableMap(withIds));
      last = view;
      return view.withIds;
    }
  }

  private static final class View {
    final Map<String, String> mdc;
    final Map<String, String> withIds;

    View(Map<String, String> mdc, Map<String, String> withIds) {
      this.mdc = mdc;
      this.withIds = withIds;
    }
  }
}
