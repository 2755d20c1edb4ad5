package io.otelite.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.otelite.instrumentation.api.db.DbClientInstrumenter;
import io.otelite.instrumentation.api.db.DbClientOperation;
import io.otelite.instrumentation.api.db.SqlStatementAnalyzer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import io.otelite.instrumentation.jdbc.JdbcConnectionInfo;
import io.otelite.instrumentation.jdbc.JdbcUrlParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDBC instrumentation adds to one statement execution inside a request: look up the
 * statement's analysis (the cache hit an application's repeated SQL gets), start the CLIENT span
 * under the request's span with the database attributes, make it current, end it and record {@code
 * db.client.operation.duration}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class JdbcStatementSpanBenchmark {
  private static final String SQL =
      "SELECT o.id, o.customer, o.total FROM orders o WHERE o.customer = ? AND o.status = 'OPEN' ORDER BY o.id";

  @Param({"true", "false"})
  public boolean sampled;

  private OpenTelemetrySdk sdk;
  private DbClientInstrumenter instrumenter;
  private final SqlStatementAnalyzer analyzer = new SqlStatementAnalyzer(true);
  private JdbcConnectionInfo connection;
  private Context requestContext;

  @Setup(Level.Trial)
  public void setUp() {
    sdk = BenchmarkSdk.create(sampled);
    instrumenter = DbClientInstrumenter.create(sdk, "io.otelite.jdbc");
    connection = JdbcUrlParser.parse("jdbc:postgresql://db.internal:5432/orders");
    // the statement runs inside a request whose SERVER span is current, sampled or not like this
    // one
    SpanContext serverSpan =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    requestContext = Context.root().with(Span.wrap(serverSpan));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchmarkSdk.shutdown(sdk);
  }

  @Benchmark
  public DbClientOperation statement() {
    SqlStatementInfo info = analyzer.analyze(SQL, connection.dialect());
    // the advice passes Context.current(), which is the request's context at this point
    DbClientOperation operation = instrumenter.start(requestContext, connection, info, -1);
    instrumenter.end(operation, null, null);
    return operation;
  }
}
