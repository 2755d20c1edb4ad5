package io.otelite.instrumentation.api.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.internal.AttributeUtil;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.SdkSpanPipelineAccess;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import io.otelite.instrumentation.api.span.AttributeTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A recording span of otelite's instrumentation, in place of the SDK's {@code SdkSpan}: the same
 * rules (span limits, status, events, links, end once, processors called as the SDK calls them),
 * with fewer objects per span. Its attributes are one array ({@link SpanAttributes}); its times
 * come from one clock reading at the root of the trace in this process and {@code nanoTime} after,
 * as the SDK's anchored clock does, without an object for it (one offset between the two clocks);
 * and once ended it is its own {@link SpanData}, so export copies nothing.
 *
 * <p>Thread-safe: each change holds the span's monitor, as the SDK's span holds its lock.
 */
final class AgentSpan implements ReadWriteSpan, SpanData, AttributeTarget {
  private static final int NOT_ENDED = 0;
  private static final int ENDING = 1;
  private static final int ENDED = 2;

  /** Its scope, pipeline and typical attribute count. */
  private final AgentTracer tracer;

  private final SpanLimits limits;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final SpanKind kind;

  /**
   * The anchor's epoch time minus its {@code nanoTime}: a time is this plus {@code nanoTime}, the
   * same sum in another order (exact, overflow included).
   */
  private final long epochMinusNanoTime;

  private final long startEpochNanos;

  /** A snapshot made by {@link #toSpanData()} before the end: never changes. */
  private final boolean frozen;

  private String name;
  private SpanAttributes attributes;
  private List<LinkData> links;
  private int totalLinks;
  private List<EventData> events;
  private int totalEvents;
  private StatusData status = StatusData.unset();
  private long endEpochNanos;
  private int endState = NOT_ENDED;
  private Thread endingThread;

  private AgentSpan(
      AgentTracer tracer,
      SpanLimits limits,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      SpanKind kind,
      String name,
      SpanAttributes attributes,
      List<LinkData> links,
      int totalLinks,
      long epochMinusNanoTime,
      long startEpochNanos) {
    this.tracer = tracer;
    this.limits = limits;
    this.spanContext = spanContext;
    this.parentSpanContext = parentSpanContext;
    this.kind = kind;
    this.name = name;
    this.attributes = attributes;
    this.links = links;
    this.totalLinks = totalLinks;
    this.epochMinusNanoTime = epochMinusNanoTime;
    this.startEpochNanos = startEpochNanos;
    this.frozen = false;
  }

  /** A snapshot of {@code live}; the caller holds its monitor. */
  private AgentSpan(AgentSpan live) {
    this.tracer = live.tracer;
    this.limits = live.limits;
    this.spanContext = live.spanContext;
    this.parentSpanContext = live.parentSpanContext;
    this.kind = live.kind;
    this.name = live.name;
    this.attributes = live.attributes == null ? null : live.attributes.copy();
    this.links = live.links == null ? null : new ArrayList<>(live.links);
    this.totalLinks = live.totalLinks;
    this.events = live.events == null ? null : new ArrayList<>(live.events);
    this.totalEvents = live.totalEvents;
    this.status = live.status;
    this.endEpochNanos = live.endEpochNanos;
    this.endState = live.endState;
    this.epochMinusNanoTime = live.epochMinusNanoTime;
    this.startEpochNanos = live.startEpochNanos;
    this.frozen = true;
  }

  /**
   * Starts a span and tells the processors. {@code userStartEpochNanos} is 0 for "now". A child of
   * another of these spans in this process shares its clock anchor, so that a child never appears
   * to start before its parent.
   */
  static AgentSpan start(
      AgentTracer tracer,
      SpanLimits limits,
      SpanContext spanContext,
      Span parentSpan,
      Context parentContext,
      SpanKind kind,
      String name,
      SpanAttributes attributes,
      List<LinkData> links,
      int totalLinks,
      long userStartEpochNanos) {
    long epochMinusNanoTime;
    long startEpochNanos;
    SdkSpanPipelineAccess pipeline = tracer.pipeline();
    if (parentSpan instanceof AgentSpan) {
      epochMinusNanoTime = ((AgentSpan) parentSpan).epochMinusNanoTime;
      startEpochNanos =
          userStartEpochNanos != 0
              ? userStartEpochNanos
              : epochMinusNanoTime + pipeline.clock().nanoTime();
    } else {
      long anchorEpochNanos = pipeline.clock().now();
      epochMinusNanoTime = anchorEpochNanos - pipeline.clock().nanoTime();
      startEpochNanos = userStartEpochNanos != 0 ? userStartEpochNanos : anchorEpochNanos;
    }
    AgentSpan span =
        new AgentSpan(
            tracer,
            limits,
            spanContext,
            parentSpan.getSpanContext(),
            kind,
            name,
            attributes,
            links,
            totalLinks,
            epochMinusNanoTime,
            startEpochNanos);
    if (pipeline.processor().isStartRequired()) {
      pipeline.processor().onStart(parentContext, span);
    }
    return span;
  }

  private long now() {
    return epochMinusNanoTime + tracer.pipeline().clock().nanoTime();
  }

  /** The caller holds the monitor. */
  private SpanAttributes writableAttributes() {
    if (attributes == null) {
      attributes = tracer.newAttributes();
    }
    return attributes;
  }

  /** The caller holds the monitor. */
  private boolean modifiableByCurrentThread() {
    return !frozen
        && (endState == NOT_ENDED
            || (endState == ENDING && Thread.currentThread() == endingThread));
  }

  @Override
  public <T> ReadWriteSpan setAttribute(AttributeKey<T> key, T value) {
    if (key == null || key.getKey().isEmpty() || value == null) {
      return this;
    }
    synchronized (this) {
      if (!modifiableByCurrentThread()) {
        return this;
      }
      writableAttributes().set(key, value);
    }
    return this;
  }

  @Override
  public ReadWriteSpan setAllAttributes(Attributes given) {
    if (given == null || given.isEmpty()) {
      return this;
    }
    synchronized (this) {
      if (!modifiableByCurrentThread()) {
        return this;
      }
      writableAttributes().putAll(given);
    }
    return this;
  }

  @Override
  public <T> void put(AttributeKey<T> key, T value) {
    setAttribute(key, value);
  }

  @Override
  public void putAll(Attributes given) {
    setAllAttributes(given);
  }

  @Override
  public ReadWriteSpan addEvent(String name) {
    return addEvent(name, Attributes.empty());
  }

  @Override
  public ReadWriteSpan addEvent(String name, long timestamp, TimeUnit unit) {
    return addEvent(name, Attributes.empty(), timestamp, unit);
  }

  @Override
  public ReadWriteSpan addEvent(String name, Attributes attributes) {
    if (name != null) {
      addEvent(name, attributes, now());
    }
    return this;
  }

  @Override
  public ReadWriteSpan addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    if (name != null && unit != null) {
      addEvent(name, attributes, unit.toNanos(timestamp));
    }
    return this;
  }

  private void addEvent(String name, Attributes attributes, long epochNanos) {
    if (attributes == null) {
      attributes = Attributes.empty();
    }
    addEvent(
        EventData.create(
            epochNanos,
            name,
            AttributeUtil.applyAttributesLimit(
                attributes,
                limits.getMaxNumberOfAttributesPerEvent(),
                limits.getMaxAttributeValueLength()),
            attributes.size()));
  }

  private void addEvent(EventData event) {
    synchronized (this) {
      if (!modifiableByCurrentThread()) {
        return;
      }
      if (events == null) {
        events = new ArrayList<>();
      }
      if (events.size() < limits.getMaxNumberOfEvents()) {
        events.add(event);
      }
      totalEvents++;
    }
  }

  @Override
  public ReadWriteSpan recordException(Throwable exception) {
    return recordException(exception, Attributes.empty());
  }

  @Override
  public ReadWriteSpan recordException(Throwable exception, Attributes additionalAttributes) {
    if (exception == null) {
      return this;
    }
    // the exception's type, message and stack trace, and what the caller adds
    SpanAttributes eventAttributes = SpanAttributes.withinLimits(limits, 4);
    tracer
        .pipeline()
        .exceptionAttributeResolver()
        .setExceptionAttributes(
            eventAttributes::put, exception, limits.getMaxAttributeValueLength());
    if (additionalAttributes != null) {
      additionalAttributes.forEach(eventAttributes::set);
    }
    addEvent(
        ExceptionEventData.create(now(), exception, eventAttributes, eventAttributes.totalAdded()));
    return this;
  }

  @Override
  public ReadWriteSpan setStatus(StatusCode statusCode, String description) {
    if (statusCode == null) {
      return this;
    }
    synchronized (this) {
      // OK is final; UNSET is never set; only an error has a description
      if (!modifiableByCurrentThread()
          || status.getStatusCode() == StatusCode.OK
          || statusCode == StatusCode.UNSET) {
        return this;
      }
      status = StatusData.create(statusCode, statusCode == StatusCode.ERROR ? description : null);
    }
    return this;
  }

  @Override
  public ReadWriteSpan updateName(String name) {
    if (name == null) {
      return this;
    }
    synchronized (this) {
      if (modifiableByCurrentThread()) {
        this.name = name;
      }
    }
    return this;
  }

  @Override
  public Span addLink(SpanContext linked, Attributes linkAttributes) {
    if (linked == null || !linked.isValid()) {
      return this;
    }
    LinkData link =
        LinkData.create(
            linked,
            AttributeUtil.applyAttributesLimit(
                linkAttributes == null ? Attributes.empty() : linkAttributes,
                limits.getMaxNumberOfAttributesPerLink(),
                limits.getMaxAttributeValueLength()));
    synchronized (this) {
      if (!modifiableByCurrentThread()) {
        return this;
      }
      if (links == null) {
        links = new ArrayList<>();
      }
      if (links.size() < limits.getMaxNumberOfLinks()) {
        links.add(link);
      }
      totalLinks++;
    }
    return this;
  }

  @Override
  public void end() {
    end(now());
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    end(timestamp == 0 ? now() : (unit == null ? TimeUnit.NANOSECONDS : unit).toNanos(timestamp));
  }

  private void end(long epochNanos) {
    synchronized (this) {
      if (frozen || endState != NOT_ENDED) {
        return;
      }
      endEpochNanos = epochNanos;
      endingThread = Thread.currentThread();
      endState = ENDING;
      tracer.attributeCount().remember(attributes == null ? 0 : attributes.size());
    }
    SpanProcessor processor = tracer.pipeline().processor();
    if (processor instanceof ExtendedSpanProcessor) {
      ExtendedSpanProcessor extended = (ExtendedSpanProcessor) processor;
      if (extended.isOnEndingRequired()) {
        extended.onEnding(this);
      }
    }
    synchronized (this) {
      endState = ENDED;
      endingThread = null;
    }
    if (processor.isEndRequired()) {
      processor.onEnd(this);
    }
  }

  @Override
  public boolean isRecording() {
    synchronized (this) {
      return !frozen && endState != ENDED;
    }
  }

  @Override
  public SpanContext getSpanContext() {
    return spanContext;
  }

  @Override
  public SpanContext getParentSpanContext() {
    return parentSpanContext;
  }

  @Override
  public String getName() {
    synchronized (this) {
      return name;
    }
  }

  @Override
  public SpanKind getKind() {
    return kind;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return tracer.scope();
  }

  @Override
  @Deprecated
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    InstrumentationScopeInfo scope = tracer.scope();
    return InstrumentationLibraryInfo.create(
        scope.getName(), scope.getVersion(), scope.getSchemaUrl());
  }

  @Override
  public Resource getResource() {
    return tracer.pipeline().resource();
  }

  @Override
  public boolean hasEnded() {
    synchronized (this) {
      return endState == ENDED;
    }
  }

  @Override
  public long getLatencyNanos() {
    synchronized (this) {
      return (endState == NOT_ENDED ? now() : endEpochNanos) - startEpochNanos;
    }
  }

  @Override
  public long getStartEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public long getEndEpochNanos() {
    synchronized (this) {
      return endEpochNanos;
    }
  }

  @Override
  public StatusData getStatus() {
    synchronized (this) {
      return status;
    }
  }

  @Override
  public <T> T getAttribute(AttributeKey<T> key) {
    synchronized (this) {
      return attributes == null ? null : attributes.get(key);
    }
  }

  /** Live, a copy; ended, the span's own attributes, which no longer change. */
  @Override
  public Attributes getAttributes() {
    synchronized (this) {
      if (attributes == null) {
        return Attributes.empty();
      }
      return isSettled() ? attributes : attributes.copy();
    }
  }

  @Override
  public int getTotalAttributeCount() {
    synchronized (this) {
      return attributes == null ? 0 : attributes.totalAdded();
    }
  }

  @Override
  public List<EventData> getEvents() {
    synchronized (this) {
      if (events == null) {
        return Collections.emptyList();
      }
      return Collections.unmodifiableList(isSettled() ? events : new ArrayList<>(events));
    }
  }

  @Override
  public int getTotalRecordedEvents() {
    synchronized (this) {
      return totalEvents;
    }
  }

  @Override
  public List<LinkData> getLinks() {
    synchronized (this) {
      if (links == null) {
        return Collections.emptyList();
      }
      return Collections.unmodifiableList(isSettled() ? links : new ArrayList<>(links));
    }
  }

  @Override
  public int getTotalRecordedLinks() {
    synchronized (this) {
      return totalLinks;
    }
  }

  /** Nothing about it changes any more; the caller holds the monitor. */
  private boolean isSettled() {
    return frozen || endState == ENDED;
  }

  /** Ended, the span itself; before, a snapshot. */
  @Override
  public SpanData toSpanData() {
    synchronized (this) {
      return isSettled() ? this : new AgentSpan(this);
    }
  }

  @Override
  public String toString() {
    return "AgentSpan{"
        + spanContext
        + ", name="
        + getName()
        + ", kind="
        + kind
        + ", attributes="
        + getAttributes()
        + ", status="
        + getStatus()
        + '}';
  }
}
