package io.otelite.smoke.harness;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A W3C trace context the test sends as if it were a traced caller: every span of the request then
 * carries this trace id, so a test finds exactly its own trace among everything the app exported.
 */
public record Traceparent(String traceId, String spanId) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static Traceparent random() {
    return new Traceparent(randomHex(16), randomHex(8));
  }

  /** The header value, sampled. */
  public String header() {
    return "00-" + traceId + "-" + spanId + "-01";
  }

  private static String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
