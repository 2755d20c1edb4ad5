package io.otelite.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.otelite.instrumentation.jdbc.hikaricp.HikariCpInstrumentationModule;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HikariCP pools report the conventions' {@code db.client.connection.*} metrics with their pool
 * name, next to whatever metrics the application configured for them.
 */
class HikariPoolMetricsTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private static final AttributeKey<String> POOL_NAME =
      AttributeKey.stringKey("db.client.connection.pool.name");
  private static final AttributeKey<String> STATE =
      AttributeKey.stringKey("db.client.connection.state");

  private static HikariConfig config(String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:" + poolName + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName(poolName);
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(250);
    return config;
  }

  /** The value of a gauge-like series of this pool ({@code state} null: without a state). */
  private static Long value(String metric, String pool, String state) {
    MetricData data = harness.metric(metric);
    if (data == null) {
      return null;
    }
    List<Long> values =
        data.getLongSumData().getPoints().stream()
            .filter(point -> pool.equals(point.getAttributes().get(POOL_NAME)))
            .filter(point -> java.util.Objects.equals(state, point.getAttributes().get(STATE)))
            .map(LongPointData::getValue)
            .collect(Collectors.toList());
    assertThat(values).as("%s series of %s (state %s)", metric, pool, state).hasSizeLessThan(2);
    return values.isEmpty() ? null : values.get(0);
  }

  private static long histogramCount(String metric, String pool) {
    MetricData data = harness.metric(metric);
    if (data == null) {
      return 0;
    }
    return data.getHistogramData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(Attributes.of(POOL_NAME, pool)))
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  /**
   * Waits (up to 5 s) until the series has the value, and returns its last value: HikariCP
   * refreshes the numbers it hands to metrics trackers at most once a second.
   */
  private static Long eventually(String metric, String pool, String state, long expected)
      throws InterruptedException {
    Long value = value(metric, pool, state);
    for (int i = 0; i < 200 && !Long.valueOf(expected).equals(value); i++) {
      Thread.sleep(25);
      value = value(metric, pool, state);
    }
    return value;
  }

  @Test
  void aPoolReportsItsConnectionsByStateItsLimitsAndItsWaits() throws Exception {
    String pool = "metrics-orders";
    try (HikariDataSource dataSource = new HikariDataSource(config(pool))) {
      assertThat(eventually("db.client.connection.count", pool, "idle", 2)).isEqualTo(2);
      try (Connection borrowed = dataSource.getConnection()) {
        assertThat(eventually("db.client.connection.count", pool, "used", 1)).isEqualTo(1);
        assertThat(value("db.client.connection.count", pool, "idle")).isEqualTo(1);
      }
      assertThat(eventually("db.client.connection.count", pool, "used", 0)).isZero();
      assertThat(value("db.client.connection.count", pool, "idle")).isEqualTo(2);
      assertThat(value("db.client.connection.max", pool, null)).isEqualTo(2);
      assertThat(value("db.client.connection.idle.min", pool, null)).isEqualTo(2);
      assertThat(value("db.client.connection.pending_requests", pool, null)).isZero();
      assertThat(histogramCount("db.client.connection.wait_time", pool)).isEqualTo(1);
      assertThat(histogramCount("db.client.connection.use_time", pool)).isEqualTo(1);
      // two connections made; HikariCP makes the first one before it attaches metrics trackers
      assertThat(histogramCount("db.client.connection.create_time", pool)).isBetween(1L, 2L);
      assertThat(harness.metric("db.client.connection.wait_time").getUnit()).isEqualTo("s");
      assertThat(harness.metric("db.client.connection.count").getUnit()).isEqualTo("{connection}");
    }

    assertThat(value("db.client.connection.count", pool, "idle"))
        .as("a closed pool is no longer reported")
        .isNull();
  }

  @Test
  void aTimedOutBorrowIsCountedAsATimeout() throws Exception {
    String pool = "metrics-timeouts";
    HikariConfig config = config(pool);
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    try (HikariDataSource dataSource = new HikariDataSource(config);
        Connection only = dataSource.getConnection()) {
      assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);

      MetricData timeouts = harness.metric("db.client.connection.timeouts");
      assertThat(timeouts.getLongSumData().getPoints())
          .filteredOn(point -> pool.equals(point.getAttributes().get(POOL_NAME)))
          .extracting(LongPointData::getValue)
          .containsExactly(1L);
    }
  }

  @Test
  void theApplicationsOwnTrackerStillGetsEverythingAndIsClosedWithThePool() throws Exception {
    String pool = "metrics-with-micrometer-like";
    CountingTrackerFactory application = new CountingTrackerFactory();
    HikariConfig config = config(pool);
    config.setMetricsTrackerFactory(application);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      dataSource.getConnection().close();
      assertThat(eventually("db.client.connection.count", pool, "idle", 2)).isEqualTo(2);

      assertThat(application.calls)
          .containsEntry("create", 1)
          .containsEntry("acquired", 1)
          .containsEntry("usage", 1);
      assertThat(value("db.client.connection.count", pool, "idle")).isEqualTo(2);
    }
    assertThat(application.calls).containsEntry("close", 1);
  }

  @Test
  void aTrackerBoundAfterThePoolStartedReplacesOursInsteadOfDoublingIt() throws Exception {
    // what Spring Boot Actuator does: bind the meter registry once the pool runs
    String pool = "metrics-bound-late";
    CountingTrackerFactory application = new CountingTrackerFactory();
    try (HikariDataSource dataSource = new HikariDataSource(config(pool))) {
      assertThat(eventually("db.client.connection.count", pool, "idle", 2)).isEqualTo(2);
      dataSource.setMetricsTrackerFactory(application);
      dataSource.getConnection().close();

      // value(...) fails on two series of the same pool and state
      assertThat(value("db.client.connection.count", pool, "idle")).isEqualTo(2);
      assertThat(histogramCount("db.client.connection.wait_time", pool)).isEqualTo(1);
      assertThat(application.calls).containsEntry("acquired", 1);
    }
  }

  @Test
  void theModuleIsSwitchedByTheOpenTelemetryAgentsName() {
    assertThat(new HikariCpInstrumentationModule().name()).isEqualTo("hikaricp");
  }

  /** Stands for Micrometer's or Dropwizard's tracker: counts what HikariCP reports to it. */
  static final class CountingTrackerFactory implements MetricsTrackerFactory {
    final Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();

    private void count(String call) {
      calls.merge(call, 1, Integer::sum);
    }

    @Override
    public IMetricsTracker create(String poolName, com.zaxxer.hikari.metrics.PoolStats stats) {
      return new IMetricsTracker() {
        @Override
        public void recordConnectionCreatedMillis(long millis) {
          count("create");
        }

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
          count("acquired");
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
          count("usage");
        }

        @Override
        public void recordConnectionTimeout() {
          count("timeout");
        }

        @Override
        public void close() {
          count("close");
        }
      };
    }
  }
}
