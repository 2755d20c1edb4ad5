package io.otelite.instrumentation.jdbc.hikaricp;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.otelite.instrumentation.api.WeakIdentityMap;
import io.otelite.instrumentation.api.db.DbConnectionPoolMetrics;

/**
 * What the advice does: wraps the application's metrics tracker factory (or none) in one whose
 * trackers also report {@code db.client.connection.*}. A pool whose factory is replaced (a metrics
 * registry bound after the pool started) stops reporting through its previous tracker, which
 * HikariCP drops without closing, so that no pool is counted twice.
 */
final class HikariPoolMetrics {
  private static final DbConnectionPoolMetrics METRICS =
      DbConnectionPoolMetrics.create("io.otelite.hikaricp");

  /** Each live pool's current registration; the pool closes it through its tracker. */
  private static final WeakIdentityMap<Object, DbConnectionPoolMetrics.Pool> REGISTRATIONS =
      new WeakIdentityMap<>();

  private HikariPoolMetrics() {}

  static MetricsTrackerFactory trackerFactory(Object pool, MetricsTrackerFactory application) {
    if (application instanceof TrackerFactory) {
      return application; // already ours
    }
    return new TrackerFactory(pool, application);
  }

  private static DbConnectionPoolMetrics.Pool register(
      Object pool, String poolName, PoolStats stats) {
    DbConnectionPoolMetrics.Pool previous = REGISTRATIONS.remove(pool);
    if (previous != null) {
      previous.close();
    }
    DbConnectionPoolMetrics.Pool registration = METRICS.register(poolName, new StatsView(stats));
    REGISTRATIONS.put(pool, registration);
    return registration;
  }

  private static void closed(Object pool, DbConnectionPoolMetrics.Pool registration) {
    registration.close();
    REGISTRATIONS.remove(pool);
  }

  private static final class TrackerFactory implements MetricsTrackerFactory {
    private final Object pool;
    private final MetricsTrackerFactory application;

    TrackerFactory(Object pool, MetricsTrackerFactory application) {
      this.pool = pool;
      this.application = application;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
      IMetricsTracker applicationTracker =
          application == null ? null : application.create(poolName, stats);
      return new Tracker(pool, register(pool, poolName, stats), applicationTracker);
    }
  }

  /** Reports to OpenTelemetry, then to the application's tracker, if any. */
  private static final class Tracker implements IMetricsTracker {
    private final Object pool;
    private final DbConnectionPoolMetrics.Pool metrics;
    private final IMetricsTracker application;

    Tracker(Object pool, DbConnectionPoolMetrics.Pool metrics, IMetricsTracker application) {
      this.pool = pool;
      this.metrics = metrics;
      this.application = application;
    }

    @Override
    public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
      metrics.recordCreateTimeMillis(connectionCreatedMillis);
      if (application != null) {
        application.recordConnectionCreatedMillis(connectionCreatedMillis);
      }
    }

    @Override
    public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
      metrics.recordWaitTimeNanos(elapsedAcquiredNanos);
      if (application != null) {
        application.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
      }
    }

    @Override
    public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
      metrics.recordUseTimeMillis(elapsedBorrowedMillis);
      if (application != null) {
        application.recordConnectionUsageMillis(elapsedBorrowedMillis);
      }
    }

    @Override
    public void recordConnectionTimeout() {
      metrics.recordTimeout();
      if (application != null) {
        application.recordConnectionTimeout();
      }
    }

    @Override
    public void close() {
      closed(pool, metrics);
      if (application != null) {
        application.close();
      }
    }
  }

  private static final class StatsView implements DbConnectionPoolMetrics.PoolState {
    private final PoolStats stats;

    StatsView(PoolStats stats) {
      this.stats = stats;
    }

    @Override
    public long idleConnections() {
      return stats.getIdleConnections();
    }

    @Override
    public long usedConnections() {
      return stats.getActiveConnections();
    }

    @Override
    public long pendingRequests() {
      return stats.getPendingThreads();
    }

    @Override
    public long minIdleConnections() {
      return stats.getMinConnections();
    }

    @Override
    public long maxConnections() {
      return stats.getMaxConnections();
    }
  }
}
