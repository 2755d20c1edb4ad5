package io.otelite.instrumentation.api.db;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.api.span.AttributeTarget;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.trace.AgentTracing;
import java.util.List;

/**
 * Makes the CLIENT span and records {@code db.client.operation.duration} for one database call,
 * following the stable database semantic conventions. A database library tells only what the call
 * is (which database, which statement); naming, attributes, status and the metric are decided here,
 * the same for every library.
 *
 * <ul>
 *   <li>Span name: {@code {db.operation.name} {target}} (target: collection, else stored
 *       procedure), else the operation, else the target, else {@code db.system.name}.
 *   <li>Span attributes: {@code db.system.name}, {@code db.namespace}, {@code db.query.text},
 *       {@code db.operation.name}, {@code db.collection.name}, {@code db.stored_procedure.name},
 *       {@code db.operation.batch.size}, {@code server.address}, {@code server.port}; on failure
 *       {@code error.type} (the exception's class name), {@code db.response.status_code} when the
 *       library reports one, status ERROR and an {@code exception} event.
 *   <li>Metric attributes: the same without the query text and batch size.
 * </ul>
 */
public final class DbClientInstrumenter {
  static final String DURATION_METRIC = "db.client.operation.duration";
  static final List<Double> DURATION_BUCKETS =
      List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final SamplerTraits samplerTraits;

  /** The scope is {@code instrumentationName} at the agent's version. */
  DbClientInstrumenter(OpenTelemetry openTelemetry, String instrumentationName) {
    this.tracer = AgentVersion.tracer(openTelemetry, instrumentationName);
    this.duration =
        AgentVersion.meter(openTelemetry, instrumentationName)
            .histogramBuilder(DURATION_METRIC)
            .setUnit("s")
            .setDescription("Duration of database client operations.")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    this.samplerTraits = SamplerTraits.configured();
  }

  /**
   * With the agent's OpenTelemetry.
   *
   * @param instrumentationName the tracer and meter name, {@code io.otelite.<module name>}
   */
  public static DbClientInstrumenter create(String instrumentationName) {
    return create(GlobalOpenTelemetry.get(), instrumentationName);
  }

  /** With a given OpenTelemetry, for tests and benchmarks. */
  public static DbClientInstrumenter create(
      OpenTelemetry openTelemetry, String instrumentationName) {
    return new DbClientInstrumenter(openTelemetry, instrumentationName);
  }

  /**
   * Starts the span of one call under {@code parent} and makes it current. {@code statement} may be
   * {@code null} (SQL unknown); {@code batchSize} is negative for a call that is not a batch.
   */
  public DbClientOperation start(
      Context parent,
      DbConnectionAttributes connection,
      SqlStatementInfo statement,
      long batchSize) {
    Attributes metricAttributes =
        statement == null
            ? metricAttributes(connection, null)
            : statement.metricAttributes(connection, DbClientInstrumenter::metricAttributes);

    String spanName = spanName(connection.system(), statement);
    Span span;
    // where the sampler may read them, everything at creation time
    if (samplerTraits.attributesBeforeSampling(parent)) {
      AttributeTarget attributes = AgentTracing.startAttributes(tracer);
      setSpanAttributes(attributes, metricAttributes, statement, batchSize);
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.CLIENT, parent, attributes);
    } else {
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.CLIENT, parent, null);
      if (span.isRecording()) {
        setSpanAttributes(AttributeTarget.of(span), metricAttributes, statement, batchSize);
      }
    }
    return new DbClientOperation(
        span, span.storeInContext(parent).makeCurrent(), System.nanoTime(), metricAttributes);
  }

  /**
   * The attributes of a call's metric point, which its span has too: the connection's and the
   * statement's.
   */
  static Attributes metricAttributes(
      DbConnectionAttributes connection, SqlStatementInfo statement) {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put(DbAttributes.DB_SYSTEM_NAME, connection.system());
    putIfNotNull(attributes, DbAttributes.DB_NAMESPACE, connection.namespace());
    putIfNotNull(attributes, ServerAttributes.SERVER_ADDRESS, connection.serverAddress());
    if (connection.serverPort() > 0) {
      attributes.put(ServerAttributes.SERVER_PORT, connection.serverPort());
    }
    if (statement != null) {
      putIfNotNull(attributes, DbAttributes.DB_OPERATION_NAME, statement.operationName());
      putIfNotNull(attributes, DbAttributes.DB_COLLECTION_NAME, statement.collectionName());
      putIfNotNull(
          attributes, DbAttributes.DB_STORED_PROCEDURE_NAME, statement.storedProcedureName());
    }
    return attributes.build();
  }

  private static void setSpanAttributes(
      AttributeTarget span,
      Attributes metricAttributes,
      SqlStatementInfo statement,
      long batchSize) {
    span.putAll(metricAttributes);
    if (statement != null && statement.queryText() != null) {
      span.put(DbAttributes.DB_QUERY_TEXT, statement.queryText());
    }
    if (batchSize >= 0) {
      span.put(DbAttributes.DB_OPERATION_BATCH_SIZE, batchSize);
    }
  }

  /**
   * Ends the call's span and records its duration. {@code error} is what the call threw, if
   * anything; {@code responseStatusCode} the database's code for it (e.g. a SQLSTATE), if known.
   */
  public void end(DbClientOperation operation, Throwable error, String responseStatusCode) {
    double seconds = (System.nanoTime() - operation.startNanos) / NANOS_PER_SECOND;
    operation.scope.close();
    Span span = operation.span;
    Attributes metricAttributes = operation.metricAttributes;
    if (error != null) {
      String errorType = error.getClass().getName();
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
      AttributesBuilder withError =
          metricAttributes.toBuilder().put(ErrorAttributes.ERROR_TYPE, errorType);
      if (responseStatusCode != null) {
        span.setAttribute(DbAttributes.DB_RESPONSE_STATUS_CODE, responseStatusCode);
        withError.put(DbAttributes.DB_RESPONSE_STATUS_CODE, responseStatusCode);
      }
      span.recordException(error);
      metricAttributes = withError.build();
    }
    span.end();
    duration.record(seconds, metricAttributes);
  }

  static String spanName(String system, SqlStatementInfo statement) {
    String name = statement == null ? null : statement.spanName();
    return name != null ? name : system;
  }

  private static void putIfNotNull(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
