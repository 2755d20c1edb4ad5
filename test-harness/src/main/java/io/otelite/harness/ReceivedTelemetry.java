package io.otelite.harness;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Everything an OTLP receiver got, decoded, with the queries the smoke tests ask of it. */
public final class ReceivedTelemetry {

  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
  private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
  private final AtomicInteger traceRequests = new AtomicInteger();
  private final AtomicInteger metricRequests = new AtomicInteger();
  private final AtomicInteger logRequests = new AtomicInteger();

  void accept(ExportTraceServiceRequest request) {
    traceRequests.incrementAndGet();
    spans.addAll(spansOf(request));
  }

  /** The spans of one trace export, each with its resource and scope. */
  static List<ReceivedSpan> spansOf(ExportTraceServiceRequest request) {
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, Object> resource =
          OtlpValues.toMap(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          received.add(
              new ReceivedSpan(
                  resource,
                  scopeSpans.getScope().getName(),
                  scopeSpans.getScope().getVersion(),
                  span));
        }
      }
    }
    return received;
  }

  void accept(ExportMetricsServiceRequest request) {
    metricRequests.incrementAndGet();
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      Map<String, Object> resource =
          OtlpValues.toMap(resourceMetrics.getResource().getAttributesList());
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        scopeMetrics
            .getMetricsList()
            .forEach(
                m ->
                    metrics.add(
                        new ReceivedMetric(
                            resource,
                            scopeMetrics.getScope().getName(),
                            scopeMetrics.getScope().getVersion(),
                            m)));
      }
    }
  }

  void accept(ExportLogsServiceRequest request) {
    logRequests.incrementAndGet();
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      Map<String, Object> resource =
          OtlpValues.toMap(resourceLogs.getResource().getAttributesList());
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        for (LogRecord record : scopeLogs.getLogRecordsList()) {
          logs.add(new ReceivedLog(resource, scopeLogs.getScope().getName(), record));
        }
      }
    }
  }

  public List<ReceivedLog> logs() {
    return List.copyOf(logs);
  }

  public ReceivedLog awaitLog(String what, Predicate<ReceivedLog> matches) {
    return Await.until(
        what,
        DEFAULT_WAIT,
        () -> logs.stream().filter(matches).findFirst(),
        () -> logs.stream().map(ReceivedLog::toString).collect(Collectors.joining("\n")));
  }

  public int traceRequests() {
    return traceRequests.get();
  }

  public int metricRequests() {
    return metricRequests.get();
  }

  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  public List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  public List<ReceivedMetric> metrics() {
    return List.copyOf(metrics);
  }

  public void clear() {
    spans.clear();
    metrics.clear();
    logs.clear();
  }

  public ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> matches) {
    return awaitSpan(what, matches, DEFAULT_WAIT);
  }

  public ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> matches, Duration timeout) {
    return Await.until(
        what, timeout, () -> spans.stream().filter(matches).findFirst(), this::describeSpans);
  }

  /** Waits until at least {@code count} received spans match. */
  public void awaitSpans(
      String what, Predicate<ReceivedSpan> matches, long count, Duration timeout) {
    Await.until(
        count + " spans: " + what,
        timeout,
        () ->
            spans.stream().filter(matches).count() >= count ? Optional.of(true) : Optional.empty(),
        () -> spans.stream().filter(matches).count() + " of them among " + describeSpanCount());
  }

  /** How many spans arrived, and the last few: enough to say what was seen without flooding. */
  private String describeSpanCount() {
    List<ReceivedSpan> snapshot = spans();
    return snapshot.size()
        + " spans received; the last ones:\n"
        + snapshot.subList(Math.max(0, snapshot.size() - 20), snapshot.size()).stream()
            .map(ReceivedSpan::toString)
            .collect(Collectors.joining("\n"));
  }

  /** Waits until the trace holds a span matching each predicate, then returns the whole trace. */
  @SafeVarargs
  public final List<ReceivedSpan> awaitTrace(String traceId, Predicate<ReceivedSpan>... expected) {
    return Await.until(
        "trace " + traceId + " with " + expected.length + " expected spans",
        DEFAULT_WAIT,
        () -> {
          List<ReceivedSpan> trace = trace(traceId);
          for (Predicate<ReceivedSpan> predicate : expected) {
            if (trace.stream().noneMatch(predicate)) {
              return Optional.empty();
            }
          }
          return Optional.of(trace);
        },
        this::describeSpans);
  }

  /** The newest export of the named metric from the named service. */
  public ReceivedMetric awaitMetric(String serviceName, String metricName) {
    return Await.until(
        "metric " + metricName + " from " + serviceName,
        DEFAULT_WAIT,
        () -> newest(serviceName, metricName),
        this::describeMetrics);
  }

  private Optional<ReceivedMetric> newest(String serviceName, String metricName) {
    List<ReceivedMetric> snapshot = metrics();
    for (int i = snapshot.size() - 1; i >= 0; i--) {
      ReceivedMetric metric = snapshot.get(i);
      if (metric.serviceName().equals(serviceName) && metric.name().equals(metricName)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  /**
   * The count of a cumulative histogram over every stream (scope and attribute set) whose
   * attributes contain {@code attributes}: for each stream the newest point, then their sum. 0 when
   * nothing matched yet.
   */
  public long histogramCount(
      String serviceName, String metricName, Map<String, Object> attributes) {
    long count = 0;
    for (Map.Entry<HistogramStream, HistogramDataPoint> stream :
        newestHistogramPoints(serviceName, metricName).entrySet()) {
      if (stream.getKey().attributes().entrySet().containsAll(attributes.entrySet())) {
        count += stream.getValue().getCount();
      }
    }
    return count;
  }

  /**
   * Every attribute set of a cumulative histogram, with its count (the newest point's, summed over
   * scopes).
   */
  public Map<Map<String, Object>, Long> histogramSeries(String serviceName, String metricName) {
    Map<Map<String, Object>, Long> counts = new HashMap<>();
    newestHistogramPoints(serviceName, metricName)
        .forEach((stream, point) -> counts.merge(stream.attributes(), point.getCount(), Long::sum));
    return counts;
  }

  /** One time series of a histogram: the scope that recorded it and its attribute set. */
  private record HistogramStream(String scopeName, Map<String, Object> attributes) {}

  private Map<HistogramStream, HistogramDataPoint> newestHistogramPoints(
      String serviceName, String metricName) {
    Map<HistogramStream, HistogramDataPoint> newest = new HashMap<>();
    for (ReceivedMetric metric : metrics()) {
      if (!metric.serviceName().equals(serviceName)
          || !metric.name().equals(metricName)
          || !metric.metric().hasHistogram()) {
        continue;
      }
      for (HistogramDataPoint point : metric.metric().getHistogram().getDataPointsList()) {
        newest.merge(
            new HistogramStream(metric.scopeName(), OtlpValues.toMap(point.getAttributesList())),
            point,
            (a, b) -> a.getTimeUnixNano() >= b.getTimeUnixNano() ? a : b);
      }
    }
    return newest;
  }

  /** The attribute sets of a histogram's points, each once. */
  public Set<Map<String, Object>> histogramAttributeSets(String serviceName, String metricName) {
    Set<Map<String, Object>> sets = new HashSet<>();
    for (ReceivedMetric metric : metrics()) {
      if (metric.serviceName().equals(serviceName)
          && metric.name().equals(metricName)
          && metric.metric().hasHistogram()) {
        for (HistogramDataPoint point : metric.metric().getHistogram().getDataPointsList()) {
          sets.add(OtlpValues.toMap(point.getAttributesList()));
        }
      }
    }
    return sets;
  }

  /** The attribute sets and counts of a histogram, for failure messages. */
  public String describeHistogram(String serviceName, String metricName) {
    List<String> lines = new ArrayList<>();
    for (ReceivedMetric metric : metrics()) {
      if (metric.serviceName().equals(serviceName) && metric.name().equals(metricName)) {
        metric
            .metric()
            .getHistogram()
            .getDataPointsList()
            .forEach(
                p ->
                    lines.add(
                        metric.scopeName()
                            + " "
                            + OtlpValues.toMap(p.getAttributesList())
                            + " count="
                            + p.getCount()));
      }
    }
    return String.join("\n", lines);
  }

  public String describeSpans() {
    return spans.stream().map(ReceivedSpan::toString).collect(Collectors.joining("\n"));
  }

  public String describeMetrics() {
    return metrics.stream()
        .map(ReceivedMetric::toString)
        .distinct()
        .collect(Collectors.joining("\n"));
  }
}
