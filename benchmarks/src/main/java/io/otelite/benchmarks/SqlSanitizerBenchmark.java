package io.otelite.benchmarks;

import io.otelite.instrumentation.api.db.SqlDialect;
import io.otelite.instrumentation.api.db.SqlSanitizer;
import io.otelite.instrumentation.api.db.SqlStatementInfo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SQL sanitizer on one statement, uncached (a statement's first execution, or SQL with inline
 * literals, which the analyzer's cache can not help). The primary score is statements per second;
 * the {@code chars} counter is the SQL read per second, in chars (= bytes for ASCII SQL: {@code
 * chars/s / 1e6} is MB/s), which stays flat as statements grow when the cost is linear in length.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SqlSanitizerBenchmark {
  @Param({
    "POINT_SELECT",
    "PREPARED_SELECT",
    "INSERT",
    "UPDATE",
    "IN_LIST_100",
    "ORM_JOIN",
    "GENERATED_1K",
    "GENERATED_4K",
    "GENERATED_16K",
    "GENERATED_30K"
  })
  public SqlCorpus statement;

  @Param({"STANDARD"})
  public SqlDialect dialect;

  private String sql;

  /** Reported per second next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class SqlRead {
    public long chars;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

  @Setup
  public void setUp() {
    sql = statement.sql;
  }

  @Benchmark
  public SqlStatementInfo sanitize(SqlRead read) {
    read.chars += sql.length();
    return SqlSanitizer.sanitize(sql, dialect);
  }
}
