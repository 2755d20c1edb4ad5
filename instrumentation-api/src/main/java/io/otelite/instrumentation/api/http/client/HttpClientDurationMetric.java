package io.otelite.instrumentation.api.http.client;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import java.util.List;

/** {@code http.client.request.duration}: one histogram entry per logical call, in seconds. */
final class HttpClientDurationMetric {
  static final String NAME = "http.client.request.duration";

  /**
   * The semconv advice, the same as the server's, so that client and server durations compare
   * bucket by bucket.
   */
  static final List<Double> BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final DoubleHistogram histogram;

  HttpClientDurationMetric(Meter meter) {
    this.histogram =
        meter
            .histogramBuilder(NAME)
            .setUnit("s")
            .setDescription("Duration of HTTP client requests.")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
  }

  void record(long startNanos, long endNanos, Attributes attributes, Context context) {
    histogram.record((endNanos - startNanos) / NANOS_PER_SECOND, attributes, context);
  }
}
