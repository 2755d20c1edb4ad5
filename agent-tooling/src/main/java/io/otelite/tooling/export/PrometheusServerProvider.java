package io.otelite.tooling.export;

import com.google.auto.service.AutoService;
import io.opentelemetry.exporter.internal.ExporterBuilderUtil;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServerBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ConfigurableMetricReaderProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.tooling.startup.AfterApplicationLogging;

/**
 * {@code otel.metrics.exporter=prometheus}: the SDK's Prometheus scrape endpoint, with the settings
 * the SDK's own provider reads, but with its HTTP server started through {@link
 * AfterApplicationLogging}. The JDK's HTTP server logs through {@code System.Logger} as it is
 * created; in premain that would initialise java.util.logging before an application such as Tomcat
 * has chosen its LogManager. The agent jar lists only this provider for the name.
 */
@AutoService(ConfigurableMetricReaderProvider.class)
public final class PrometheusServerProvider implements ConfigurableMetricReaderProvider {
  static final String PORT = "otel.exporter.prometheus.port";
  static final String HOST = "otel.exporter.prometheus.host";
  static final String HISTOGRAM_AGGREGATION =
      "otel.java.experimental.exporter.prometheus.metrics.default.histogram.aggregation";

  @Override
  public String getName() {
    return "prometheus";
  }

  @Override
  public MetricReader createMetricReader(ConfigProperties config) {
    // read (and refuse bad values) now, while the SDK is built: a bad value is one line at start-up
    PrometheusHttpServerBuilder builder = PrometheusHttpServer.builder();
    Integer port = config.getInt(PORT);
    if (port != null) {
      builder.setPort(port);
    }
    String host = config.getString(HOST);
    if (host != null) {
      builder.setHost(host);
    }
    MemoryMode[] memoryMode = {MemoryMode.REUSABLE_DATA};
    ExporterBuilderUtil.configureExporterMemoryMode(
        config,
        mode -> {
          memoryMode[0] = mode;
          builder.setMemoryMode(mode);
        });
    DefaultAggregationSelector[] aggregation = {DefaultAggregationSelector.getDefault()};
    String histogramAggregation = config.getString(HISTOGRAM_AGGREGATION);
    if (histogramAggregation != null) {
      ExporterBuilderUtil.configureHistogramDefaultAggregation(
          histogramAggregation,
          selector -> {
            aggregation[0] = selector;
            builder.setDefaultAggregationSelector(selector);
          });
    }
    DeferredServer reader = new DeferredServer(builder, memoryMode[0], aggregation[0]);
    AfterApplicationLogging.run(reader::start);
    return reader;
  }

  /** The reader the SDK registers at once; the server behind it exists from {@link #start()} on. */
  static final class DeferredServer implements MetricReader {
    private final PrometheusHttpServerBuilder builder;
    private final MemoryMode memoryMode;
    private final DefaultAggregationSelector aggregation;
    private CollectionRegistration registration;
    private PrometheusHttpServer server;
    private boolean shutDown;

    DeferredServer(
        PrometheusHttpServerBuilder builder,
        MemoryMode memoryMode,
        DefaultAggregationSelector aggregation) {
      this.builder = builder;
      this.memoryMode = memoryMode;
      this.aggregation = aggregation;
    }

    void start() {
      PrometheusHttpServer started;
      try {
        started = builder.build();
      } catch (RuntimeException e) {
        AgentLog.warn(
            "the Prometheus endpoint could not start (" + e + "); metrics are not served");
        return;
      }
      synchronized (this) {
        if (shutDown) {
          started.shutdown();
          return;
        }
        server = started;
        if (registration != null) {
          started.register(registration);
        }
      }
    }

    @Override
    public synchronized void register(CollectionRegistration collectionRegistration) {
      registration = collectionRegistration;
      if (server != null) {
        server.register(collectionRegistration);
      }
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
      return aggregation.getDefaultAggregation(instrumentType);
    }

    @Override
    public MemoryMode getMemoryMode() {
      return memoryMode;
    }

    @Override
    public synchronized CompletableResultCode forceFlush() {
      return server == null ? CompletableResultCode.ofSuccess() : server.forceFlush();
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
      shutDown = true;
      return server == null ? CompletableResultCode.ofSuccess() : server.shutdown();
    }

    @Override
    public String toString() {
      return "PrometheusHttpServer{deferred until the application's logging is set up}";
    }
  }
}
