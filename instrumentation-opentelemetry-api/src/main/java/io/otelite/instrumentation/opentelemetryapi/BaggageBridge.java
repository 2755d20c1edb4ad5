package io.otelite.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.baggage.BaggageBuilder;
import application.io.opentelemetry.api.baggage.BaggageEntryMetadata;

/** Baggage entries (value and metadata) between the application's API and the agent's. */
final class BaggageBridge {
  private BaggageBridge() {}

  static io.opentelemetry.api.baggage.Baggage toAgent(Baggage baggage) {
    if (baggage.isEmpty()) {
      return io.opentelemetry.api.baggage.Baggage.empty();
    }
    io.opentelemetry.api.baggage.BaggageBuilder builder =
        io.opentelemetry.api.baggage.Baggage.builder();
    baggage.forEach(
        (name, entry) ->
            builder.put(
                name,
                entry.getValue(),
                io.opentelemetry.api.baggage.BaggageEntryMetadata.create(
                    entry.getMetadata().getValue())));
    return builder.build();
  }

  static Baggage toApplication(io.opentelemetry.api.baggage.Baggage baggage) {
    if (baggage.isEmpty()) {
      return Baggage.empty();
    }
    BaggageBuilder builder = Baggage.builder();
    baggage.forEach(
        (name, entry) ->
            builder.put(
                name,
                entry.getValue(),
                BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }
}
