package io.otelite.tooling.export.disk;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/**
 * A span read back from the disk buffer: the values it had when it was stored, nothing computed.
 */
final class StoredSpan implements SpanData {
  private final Resource resource;
  private final InstrumentationScopeInfo scope;
  private final String name;
  private final SpanKind kind;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final long startEpochNanos;
  private final long endEpochNanos;
  private final boolean ended;
  private final StatusData status;
  private final Attributes attributes;
  private final int totalAttributeCount;
  private final List<EventData> events;
  private final int totalRecordedEvents;
  private final List<LinkData> links;
  private final int totalRecordedLinks;

  StoredSpan(
      Resource resource,
      InstrumentationScopeInfo scope,
      String name,
      SpanKind kind,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      long startEpochNanos,
      long endEpochNanos,
      boolean ended,
      StatusData status,
      Attributes attributes,
      int totalAttributeCount,
      List<EventData> events,
      int totalRecordedEvents,
      List<LinkData> links,
      int totalRecordedLinks) {
    this.resource = resource;
    this.scope = scope;
    this.name = name;
    this.kind = kind;
    this.spanContext = spanContext;
    this.parentSpanContext = parentSpanContext;
    this.startEpochNanos = startEpochNanos;
    this.endEpochNanos = endEpochNanos;
    this.ended = ended;
    this.status = status;
    this.attributes = attributes;
    this.totalAttributeCount = totalAttributeCount;
    this.events = events;
    this.totalRecordedEvents = totalRecordedEvents;
    this.links = links;
    this.totalRecordedLinks = totalRecordedLinks;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public SpanKind getKind() {
    return kind;
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
  public StatusData getStatus() {
    return status;
  }

  @Override
  public long getStartEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public List<LinkData> getLinks() {
    return links;
  }

  @Override
  public long getEndEpochNanos() {
    return endEpochNanos;
  }

  @Override
  public boolean hasEnded() {
    return ended;
  }

  @Override
  public int getTotalRecordedEvents() {
    return totalRecordedEvents;
  }

  @Override
  public int getTotalRecordedLinks() {
    return totalRecordedLinks;
  }

  @Override
  public int getTotalAttributeCount() {
    return totalAttributeCount;
  }

  @Override
  @Deprecated
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return InstrumentationLibraryInfo.create(
        scope.getName(), scope.getVersion(), scope.getSchemaUrl());
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public String toString() {
    return "StoredSpan{" + name + ", " + spanContext + "}";
  }
}
