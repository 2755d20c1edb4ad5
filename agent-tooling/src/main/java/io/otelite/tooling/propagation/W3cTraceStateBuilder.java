package io.otelite.tooling.propagation;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a {@link W3cTraceState} as the specification allows (a sampler that records its decision
 * in {@code tracestate} does): a member put is new or updated and goes to the front; members keep
 * their order otherwise; past 32 members, the last ones go. Keys and values that the current
 * grammar refuses are ignored, as the API's builder ignores them.
 */
final class W3cTraceStateBuilder implements TraceStateBuilder {
  /** Keys and values, front first. */
  private final List<String> keys = new ArrayList<>();

  private final List<String> values = new ArrayList<>();

  W3cTraceStateBuilder() {}

  W3cTraceStateBuilder(W3cTraceState parent) {
    for (int i = 0; i < parent.size(); i++) {
      keys.add(parent.key(i));
      values.add(parent.value(i));
    }
  }

  @Override
  public TraceStateBuilder put(String key, String value) {
    if (key == null
        || value == null
        || !W3cTraceState.isValidKey(key, 0, key.length())
        || !W3cTraceState.isValidValue(value, 0, value.length())) {
      return this;
    }
    remove(key);
    keys.add(0, key);
    values.add(0, value);
    while (keys.size() > W3cTraceState.MAX_MEMBERS) {
      keys.remove(keys.size() - 1);
      values.remove(values.size() - 1);
    }
    return this;
  }

  @Override
  public TraceStateBuilder remove(String key) {
    int index = keys.indexOf(key);
    if (index >= 0) {
      keys.remove(index);
      values.remove(index);
    }
    return this;
  }

  /** Written as sent and read back: the members are valid and distinct, so nothing is dropped. */
  @Override
  public TraceState build() {
    StringBuilder encoded = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        encoded.append(',');
      }
      encoded.append(keys.get(i)).append('=').append(values.get(i));
    }
    return W3cTraceState.parse(encoded.toString());
  }
}
