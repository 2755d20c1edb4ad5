package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.StatusCode;

/** The application's status code as the agent's. */
final class StatusCodes {
  private StatusCodes() {}

  static io.opentelemetry.api.trace.StatusCode toAgent(StatusCode code) {
    if (code == null) {
      return io.opentelemetry.api.trace.StatusCode.UNSET;
    }
    switch (code) {
      case OK:
        return io.opentelemetry.api.trace.StatusCode.OK;
      case ERROR:
        return io.opentelemetry.api.trace.StatusCode.ERROR;
      default:
        return io.opentelemetry.api.trace.StatusCode.UNSET;
    }
  }
}
