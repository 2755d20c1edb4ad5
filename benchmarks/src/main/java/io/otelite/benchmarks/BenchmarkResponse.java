package io.otelite.benchmarks;

/** The response side of {@link BenchmarkRequest}: a status code. */
final class BenchmarkResponse {
  final int status;

  BenchmarkResponse(int status) {
    this.status = status;
  }
}
