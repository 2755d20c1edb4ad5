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
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.otelite.instrumentation.api.AgentVersion;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.Assertions;
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

  private record Connection(String system, String namespace, String serverAddress, int serverPort)
      implements DbConnectionAttributes {}
}
