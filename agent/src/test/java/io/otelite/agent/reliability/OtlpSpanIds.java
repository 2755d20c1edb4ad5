package io.otelite.agent.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The span ids in an OTLP/HTTP trace request body (ExportTraceServiceRequest), read with a few
 * lines of protobuf wire format: resource_spans (1) > scope_spans (2) > spans (2) > span_id (2).
 * Enough to count what a collector received, without a protobuf runtime on the agent's test class
 * path.
 */
final class OtlpSpanIds {
  private OtlpSpanIds() {}

  static List<String> in(byte[] body) {
    List<String> ids = new ArrayList<>();
    byte[] request = gunzipIfNeeded(body);
    for (byte[] resourceSpans : fields(request, 0, request.length, 1)) {
      for (byte[] scopeSpans : fields(resourceSpans, 0, resourceSpans.length, 2)) {
        for (byte[] span : fields(scopeSpans, 0, scopeSpans.length, 2)) {
          for (byte[] spanId : fields(span, 0, span.length, 2)) {
            ids.add(hex(spanId));
          }
        }
      }
    }
    return ids;
  }

  /** The length-delimited fields numbered {@code wanted} of one message, in order. */
  private static List<byte[]> fields(byte[] message, int from, int to, int wanted) {
    List<byte[]> found = new ArrayList<>();
    int[] at = {from};
    while (at[0] < to) {
      long key = varint(message, at);
      int number = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      switch (wireType) {
        case 0:
          varint(message, at);
          break;
        case 1:
          at[0] += 8;
          break;
        case 5:
          at[0] += 4;
          break;
        case 2:
          int length = (int) varint(message, at);
          if (number == wanted) {
            byte[] field = new byte[length];
            System.arraycopy(message, at[0], field, 0, length);
            found.add(field);
          }
          at[0] += length;
          break;
        default:
          throw new IllegalArgumentException("unexpected wire type " + wireType);
      }
    }
    return found;
  }

  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static byte[] gunzipIfNeeded(byte[] body) {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
