package io.otelite.instrumentation.api.db;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.otelite.instrumentation.api.AgentVersion;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The semantic conventions' connection pool metrics ({@code db.client.connection.*}) for any pool
 * library: the library registers each pool with its name and a view of its current state, and
 * reports waits, creations, uses and timeouts as they happen. Everything a pool reports carries
 * {@code db.client.connection.pool.name}.
 *
 * <ul>
 *   <li>{@code db.client.connection.count} by {@code db.client.connection.state} ({@code idle},
 *       {@code used}), {@code db.client.connection.idle.min}, {@code db.client.connection.max},
 *       {@code db.client.connection.pending_requests}: read from the pool when metrics are
 *       collected;
 *   <li>{@code db.client.connection.wait_time}, {@code db.client.connection.create_time}, {@code
 *       db.client.connection.use_time} (histograms, seconds) and {@code
 *       db.client.connection.timeouts} (counter).
 * </ul>
 *
 * <p>The metrics and their attributes are "development" in the conventions, so the semconv artifact
 * does not carry their keys; they are written once here.
 */
public final class DbConnectionPoolMetrics {
  static final AttributeKey<String> POOL_NAME =
      AttributeKey.stringKey("db.client.connection.pool.name");
  static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

  static final List<Double> TIME_BUCKETS =
      Collections.unmodifiableList(
          Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0));

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double MILLIS_PER_SECOND = 1e3;

  private final Meter meter;
  private final ObservableLongMeasurement count;
  private final ObservableLongMeasurement idleMin;
  private final ObservableLongMeasurement max;
  private final ObservableLongMeasurement pendingRequests;
  private final DoubleHistogram waitTime;
  private final DoubleHistogram createTime;
  private final DoubleHistogram useTime;
  private final LongCounter timeouts;

  private DbConnectionPoolMetrics(Meter meter) {
    this.meter = meter;
    this.count =
        meter
            .upDownCounterBuilder("db.client.connection.count")
            .setUnit("{connection}")
            .setDescription(
                "The number of connections that are currently in state described by the state attribute.")
            .buildObserver();
    this.idleMin =
        meter
            .upDownCounterBuilder("db.client.connection.idle.min")
            .setUnit("{connection}")
            .setDescription("The minimum number of idle open connections allowed.")
            .buildObserver();
    this.max =
        meter
            .upDownCounterBuilder("db.client.connection.max")
            .setUnit("{connection}")
            .setDescription("The maximum number of open connections allowed.")
            .buildObserver();
    this.pendingRequests =
        meter
            .upDownCounterBuilder("db.client.connection.pending_requests")
            .setUnit("{request}")
            .setDescription("The number of current pending requests for an open connection.")
            .buildObserver();
    this.waitTime =
        seconds(
            meter,
            "db.client.connection.wait_time",
            "The time it took to obtain an open connection from the pool.");
    this.createTime =
        seconds(
            meter,
            "db.client.connection.create_time",
            "The time it took to create a new connection.");
    this.useTime =
        seconds(
            meter,
            "db.client.connection.use_time",
            "The time between borrowing a connection and returning it to the pool.");
    this.timeouts =
        meter
            .counterBuilder("db.client.connection.timeouts")
            .setUnit("{timeout}")
            .setDescription(
                "The number of connection timeouts that have occurred trying to obtain a connection from the pool.")
            .build();
  }

  /**
   * With the agent's OpenTelemetry.
   *
   * @param instrumentationName the meter name, {@code io.otelite.<module name>}
   */
  public static DbConnectionPoolMetrics create(String instrumentationName) {
    return create(GlobalOpenTelemetry.get(), instrumentationName);
  }

  /** With a given OpenTelemetry, for tests. */
  public static DbConnectionPoolMetrics create(
      OpenTelemetry openTelemetry, String instrumentationName) {
    return new DbConnectionPoolMetrics(AgentVersion.meter(openTelemetry, instrumentationName));
  }

  /**
   * Starts reporting one pool; {@link Pool#close()} stops it (when the pool closes, or when the
   * library replaces what reports it).
   */
  public Pool register(String poolName, PoolState state) {
    return new Pool(this, poolName == null ? "" : poolName, state);
  }

  private static DoubleHistogram seconds(Meter meter, String name, String description) {
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(TIME_BUCKETS)
        .build();
  }

  /** A pool's current numbers, read on the metrics thread when metrics are collected. */
  public interface PoolState {
    long idleConnections();

    long usedConnections();

    long pendingRequests();

    long minIdleConnections();

    long maxConnections();
  }

  /** One registered pool; thread-safe. */
  public static final class Pool implements AutoCloseable {
    private final DbConnectionPoolMetrics metrics;
    private final Attributes attributes;
    private final BatchCallback observation;

    private Pool(DbConnectionPoolMetrics metrics, String poolName, PoolState state) {
      this.metrics = metrics;
      this.attributes = Attributes.of(POOL_NAME, poolName);
      Attributes idle = Attributes.of(POOL_NAME, poolName, STATE, "idle");
      Attributes used = Attributes.of(POOL_NAME, poolName, STATE, "used");
      this.observation =
          metrics.meter.batchCallback(
              () -> {
                metrics.count.record(state.idleConnections(), idle);
                metrics.count.record(state.usedConnections(), used);
                metrics.idleMin.record(state.minIdleConnections(), attributes);
                metrics.max.record(state.maxConnections(), attributes);
                metrics.pendingRequests.record(state.pendingRequests(), attributes);
              },
              metrics.count,
              metrics.idleMin,
              metrics.max,
              metrics.pendingRequests);
    }

    public void recordWaitTimeNanos(long nanos) {
      metrics.waitTime.record(nanos / NANOS_PER_SECOND, attributes);
    }

    public void recordCreateTimeMillis(long millis) {
      metrics.createTime.record(millis / MILLIS_PER_SECOND, attributes);
    }

    public void recordUseTimeMillis(long millis) {
      metrics.useTime.record(millis / MILLIS_PER_SECOND, attributes);
    }

    public void recordTimeout() {
      metrics.timeouts.add(1, attributes);
    }

    /** Stops reading the pool's state; idempotent. */
    @Override
    public void close() {
      observation.close();
    }
  }
}
