package io.otelite.instrumentation.api.db;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.api.span.AttributeRecordingSampler;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.testing.TestTelemetry;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DbClientInstrumenterTest {
  private static final DbConnectionAttributes POSTGRES =
      new Connection("postgresql", "shop", "db.example", 5432);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final DbClientInstrumenter instrumenter =
      DbClientInstrumenter.create(
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(SimpleSpanProcessor.create(spans))
                      .build())
              .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
              .build(),
          "test");

  private static final SqlStatementInfo SELECT_ORDERS =
      new SqlStatementInfo("SELECT * FROM orders WHERE id = ?", "SELECT", "orders", null);

  @AfterEach
  void forgetSamplerTraits() {
    SamplerTraits.configure(SamplerTraits.READS_ATTRIBUTES);
  }

  @Test
  void aSpanGivenItsAttributesAfterTheSamplingDecisionHasTheSameOnesAsBefore() {
    // an attribute-blind sampler that does not sample every root: attributes after the decision
    SamplerTraits.configure(SamplerTraits.attributeBlind(false));
    DbClientInstrumenter after =
        DbClientInstrumenter.create(
            sdkWith(Sampler.alwaysOn(), InMemoryMetricReader.create()), "test");
    after.end(after.start(Context.root(), POSTGRES, SELECT_ORDERS, 3), null, null);
    SamplerTraits.configure(SamplerTraits.READS_ATTRIBUTES);
    DbClientInstrumenter before =
        DbClientInstrumenter.create(
            sdkWith(Sampler.alwaysOn(), InMemoryMetricReader.create()), "test");
    before.end(before.start(Context.root(), POSTGRES, SELECT_ORDERS, 3), null, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    Assertions.assertThat(finished).hasSize(2);
    assertThat(finished.get(0))
        .hasName("SELECT orders")
        .hasAttributes(
            Attributes.builder()
                .put(DbAttributes.DB_SYSTEM_NAME, "postgresql")
                .put(DbAttributes.DB_NAMESPACE, "shop")
                .put(ServerAttributes.SERVER_ADDRESS, "db.example")
                .put(ServerAttributes.SERVER_PORT, 5432L)
                .put(DbAttributes.DB_OPERATION_NAME, "SELECT")
                .put(DbAttributes.DB_COLLECTION_NAME, "orders")
                .put(DbAttributes.DB_QUERY_TEXT, "SELECT * FROM orders WHERE id = ?")
                .put(DbAttributes.DB_OPERATION_BATCH_SIZE, 3L)
                .build());
    Assertions.assertThat(finished.get(0).getAttributes())
        .isEqualTo(finished.get(1).getAttributes());
  }

  @Test
  void aStatementUnderAnUnsampledRequestBuildsNoSpanAttributesAndIsStillMeasured() {
    SamplerTraits.configure(SamplerTraits.attributeBlind(true));
    AttributeRecordingSampler sampler =
        new AttributeRecordingSampler(Sampler.parentBased(Sampler.alwaysOn()));
    InMemoryMetricReader unsampledMetrics = InMemoryMetricReader.create();
    DbClientInstrumenter unsampled =
        DbClientInstrumenter.create(sdkWith(sampler, unsampledMetrics), "test");
    Context request = TestTelemetry.unsampledRemoteParent();

    DbClientOperation operation = unsampled.start(request, POSTGRES, SELECT_ORDERS, -1);
    unsampled.end(operation, null, null);

    Assertions.assertThat(operation.span().isRecording()).isFalse();
    Assertions.assertThat(sampler.seen()).containsExactly(Attributes.empty());
    Assertions.assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(unsampledMetrics.collectAllMetrics().iterator().next())
        .hasHistogramSatisfying(
            histogram ->
                histogram.hasPointsSatisfying(
                    point ->
                        point.hasAttributes(
                            Attributes.builder()
                                .put(DbAttributes.DB_SYSTEM_NAME, "postgresql")
                                .put(DbAttributes.DB_NAMESPACE, "shop")
                                .put(ServerAttributes.SERVER_ADDRESS, "db.example")
                                .put(ServerAttributes.SERVER_PORT, 5432L)
                                .put(DbAttributes.DB_OPERATION_NAME, "SELECT")
                                .put(DbAttributes.DB_COLLECTION_NAME, "orders")
                                .build())));
  }

  @Test
  void aStatementRunOnAnotherDatabaseIsMeasuredWithThatDatabasesAttributes() {
    DbConnectionAttributes mariadb = new Connection("mariadb", "shop", "other.example", 3306);

    DbClientOperation first = instrumenter.start(Context.root(), POSTGRES, SELECT_ORDERS, -1);
    DbClientOperation sameDatabase =
        instrumenter.start(
            Context.root(),
            new Connection("postgresql", "shop", "db.example", 5432),
            SELECT_ORDERS,
            -1);
    DbClientOperation otherDatabase =
        instrumenter.start(Context.root(), mariadb, SELECT_ORDERS, -1);

    // made once for equal connections, anew for another one
    Assertions.assertThat(sameDatabase.metricAttributes).isSameAs(first.metricAttributes);
    Assertions.assertThat(otherDatabase.metricAttributes.get(DbAttributes.DB_SYSTEM_NAME))
        .isEqualTo("mariadb");
    Assertions.assertThat(otherDatabase.metricAttributes.get(ServerAttributes.SERVER_PORT))
        .isEqualTo(3306L);
    Assertions.assertThat(
            instrumenter
                .start(Context.root(), POSTGRES, SELECT_ORDERS, -1)
                .metricAttributes
                .get(DbAttributes.DB_SYSTEM_NAME))
        .isEqualTo("postgresql");
  }

  @Test
  void namesTheSpanAfterOperationAndTargetFallingBackToTheSystem() {
    Assertions.assertThat(
            DbClientInstrumenter.spanName(
                "postgresql", new SqlStatementInfo("q", "SELECT", "orders", null)))
        .isEqualTo("SELECT orders");
    Assertions.assertThat(
            DbClientInstrumenter.spanName(
                "postgresql", new SqlStatementInfo("q", "CALL", null, "add")))
        .isEqualTo("CALL add");
    Assertions.assertThat(
            DbClientInstrumenter.spanName(
                "postgresql", new SqlStatementInfo("q", "SELECT", null, null)))
        .isEqualTo("SELECT");
    Assertions.assertThat(
            DbClientInstrumenter.spanName(
                "postgresql", new SqlStatementInfo("q", null, null, null)))
        .isEqualTo("postgresql");
    Assertions.assertThat(DbClientInstrumenter.spanName("postgresql", null))
        .isEqualTo("postgresql");
  }

  @Test
  void spansAndMetricsReportTheInstrumentationNameAtTheAgentsVersion() {
    instrumenter.end(instrumenter.start(Context.root(), POSTGRES, null, -1), null, null);

    InstrumentationScopeInfo scope =
        InstrumentationScopeInfo.builder("test").setVersion(AgentVersion.get()).build();
    Assertions.assertThat(AgentVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(spans.getFinishedSpanItems().get(0)).hasInstrumentationScopeInfo(scope);
    Assertions.assertThat(metrics.collectAllMetrics())
        .extracting(MetricData::getInstrumentationScopeInfo)
        .containsOnly(scope);
  }

  @Test
  void unknownSqlStillMakesASpanNamedAfterTheSystem() {
    instrumenter.end(instrumenter.start(Context.root(), POSTGRES, null, -1), null, null);

    assertThat(spans.getFinishedSpanItems().get(0))
        .hasName("postgresql")
        .hasKind(SpanKind.CLIENT)
        .hasAttributes(
            Attributes.builder()
                .put(DbAttributes.DB_SYSTEM_NAME, "postgresql")
                .put(DbAttributes.DB_NAMESPACE, "shop")
                .put(ServerAttributes.SERVER_ADDRESS, "db.example")
                .put(ServerAttributes.SERVER_PORT, 5432L)
                .build());
  }

  @Test
  void anyThrowableIsRecordedWithItsClassAsErrorType() {
    IOException failure = new IOException("connection reset");
    SqlStatementInfo select = new SqlStatementInfo("SELECT 1", "SELECT", null, null);

    instrumenter.end(instrumenter.start(Context.root(), POSTGRES, select, -1), failure, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished.get(0))
        .hasStatus(StatusData.error())
        .hasException(failure)
        .hasAttributesSatisfying(
            attributes ->
                Assertions.assertThat(attributes.get(ErrorAttributes.ERROR_TYPE))
                    .isEqualTo("java.io.IOException"));
    assertThat(metrics.collectAllMetrics().iterator().next())
        .hasName("db.client.operation.duration")
        .hasUnit("s")
        .hasHistogramSatisfying(
            histogram ->
                histogram.hasPointsSatisfying(
                    point ->
                        point
                            .hasCount(1)
                            .hasBucketBoundaries(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10)
                            .hasAttributes(
                                Attributes.builder()
                                    .put(DbAttributes.DB_SYSTEM_NAME, "postgresql")
                                    .put(DbAttributes.DB_NAMESPACE, "shop")
                                    .put(ServerAttributes.SERVER_ADDRESS, "db.example")
                                    .put(ServerAttributes.SERVER_PORT, 5432L)
                                    .put(DbAttributes.DB_OPERATION_NAME, "SELECT")
                                    .put(ErrorAttributes.ERROR_TYPE, "java.io.IOException")
                                    .build())));
  }

  /** Spans go to {@link #spans}, metrics to {@code reader}: a reader serves one SDK only. */
  private OpenTelemetrySdk sdkWith(Sampler sampler, InMemoryMetricReader reader) {
    return TestTelemetry.sdk(sampler, spans, reader);
  }

  private record Connection(String system, String namespace, String serverAddress, int serverPort)
      implements DbConnectionAttributes {}
}
