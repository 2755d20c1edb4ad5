package io.otelite.tooling.export.sender;

import java.util.ArrayList;
import java.util.List;

/** A {@link LoggingGate} for tests: open or held, and remembers how long each export would wait. */
final class RecordingGate implements LoggingGate {
  final List<Long> waits = new ArrayList<>();
  private final boolean open;

  private RecordingGate(boolean open) {
    this.open = open;
  }

  static RecordingGate released() {
    return new RecordingGate(true);
  }

  static RecordingGate held() {
    return new RecordingGate(false);
  }

  @Override
  public boolean awaitRelease(long timeoutNanos) {
    waits.add(timeoutNanos);
    return open;
  }
}
