package io.otelite.tooling.propagation;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A {@code tracestate} list as the current W3C Trace Context specification (level 2) defines it,
 * where the OpenTelemetry API's own {@link TraceState} still follows an older key grammar (it drops
 * {@code foo@}, {@code foo@@bar} or {@code tenant@vendor} with a vendor part over 14 characters,
 * all valid keys now) and throws the whole list away on a duplicated key.
 *
 * <p>Kept as the list goes on the wire, {@code key=value,key=value}, with the positions of its
 * members: a header that arrives in that form is kept as the very same string, so continuing a
 * trace copies nothing, and writing the header again is that string.
 *
 * <p>Parsing rules ({@link #parse(Iterator)}): several header fields are one list, in order (RFC
 * 9110, field order); spaces and tabs around members are dropped and empty members skipped; a key
 * is 1 to 256 characters of {@code a-z 0-9 _ - * / @} that starts with a letter or digit; a value
 * is 1 to 256 printable ASCII characters but {@code ,} and {@code =}, not ending in a space
 * (leading spaces are part of it); a second member with a key already seen is dropped (the first,
 * leftmost, is the most recent position). A member that breaks these rules, or more than 32
 * members, make the whole list invalid: it is discarded, and the {@code traceparent} stands.
 */
public final class W3cTraceState implements TraceState {
  static final int MAX_MEMBERS = 32;
  static final int MAX_KEY_LENGTH = 256;
  static final int MAX_VALUE_LENGTH = 256;

  /** The members as sent: {@code key=value} joined by commas, no whitespace, no empty member. */
  private final String encoded;

  /**
   * Member {@code i}: key from {@code bounds[3i]}, {@code =} at {@code 3i+1}, value to {@code
   * 3i+2}.
   */
  private final int[] bounds;

  private final int size;

  W3cTraceState(String encoded, int[] bounds, int size) {
    this.encoded = encoded;
    this.bounds = bounds;
    this.size = size;
  }

  /**
   * The list that {@code fieldValues} (every {@code tracestate} field of a message, in order) make
   * together; the empty {@link TraceState#getDefault()} when they hold no member or an invalid one.
   */
  public static TraceState parse(Iterator<String> fieldValues) {
    if (fieldValues == null || !fieldValues.hasNext()) {
      return TraceState.getDefault();
    }
    String first = fieldValues.next();
    if (!fieldValues.hasNext()) {
      return first == null ? TraceState.getDefault() : parse(first);
    }
    StringBuilder combined = new StringBuilder(first == null ? "" : first);
    while (fieldValues.hasNext()) {
      String next = fieldValues.next();
      if (next != null) {
        combined.append(',').append(next);
      }
    }
    return parse(combined.toString());
  }

  /** The list one {@code tracestate} value holds; see {@link #parse(Iterator)}. */
  public static TraceState parse(String header) {
    int length = header.length();
    int[] members = new int[3 * 4];
    int count = 0;
    boolean asSent = true;
    int position = 0;
    while (position <= length) {
      int comma = header.indexOf(',', position);
      if (comma < 0) {
        comma = length;
      }
      int memberStart = position;
      int start = OptionalWhitespace.skipForward(header, position, comma);
      int end = OptionalWhitespace.skipBackward(header, start, comma);
      position = comma + 1;
      if (start == end) {
        asSent = false;
        continue;
      }
      asSent &= start == memberStart && end == comma;
      int equals = header.indexOf('=', start);
      if (equals < 0
          || equals >= end
          || !isValidKey(header, start, equals)
          || !isValidValue(header, equals + 1, end)) {
        return TraceState.getDefault();
      }
      if (indexOfKey(header, members, count, header, start, equals) >= 0) {
        asSent = false;
        continue;
      }
      if (++count > MAX_MEMBERS) {
        return TraceState.getDefault();
      }
      if (members.length < 3 * count) {
        members = Arrays.copyOf(members, Math.min(3 * MAX_MEMBERS, 2 * members.length));
      }
      int index = 3 * (count - 1);
      members[index] = start;
      members[index + 1] = equals;
      members[index + 2] = end;
    }
    if (count == 0) {
      return TraceState.getDefault();
    }
    return asSent ? new W3cTraceState(header, members, count) : compact(header, members, count);
  }

  /** The same members, written as sent: no whitespace, no empty or duplicated member. */
  private static W3cTraceState compact(String header, int[] members, int count) {
    StringBuilder encoded = new StringBuilder(header.length());
    int[] bounds = new int[3 * count];
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        encoded.append(',');
      }
      int start = members[3 * i];
      bounds[3 * i] = encoded.length();
      bounds[3 * i + 1] = encoded.length() + members[3 * i + 1] - start;
      encoded.append(header, start, members[3 * i + 2]);
      bounds[3 * i + 2] = encoded.length();
    }
    return new W3cTraceState(encoded.toString(), bounds, count);
  }

  /** The {@code tracestate} header value of any trace state. */
  public static String encode(TraceState traceState) {
    if (traceState instanceof W3cTraceState) {
      return ((W3cTraceState) traceState).encoded;
    }
    StringBuilder encoded = new StringBuilder();
    traceState.forEach(
        (key, value) -> {
          if (encoded.length() > 0) {
            encoded.append(',');
          }
          encoded.append(key).append('=').append(value);
        });
    return encoded.toString();
  }

  /** An empty builder that follows the current key grammar. */
  public static TraceStateBuilder builder() {
    return new W3cTraceStateBuilder();
  }

  @Override
  public String get(String key) {
    if (key == null) {
      return null;
    }
    int member = indexOfKey(encoded, bounds, size, key, 0, key.length());
    return member < 0
        ? null
        : encoded.substring(bounds[3 * member + 1] + 1, bounds[3 * member + 2]);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void forEach(BiConsumer<String, String> consumer) {
    if (consumer == null) {
      return;
    }
    for (int i = 0; i < size; i++) {
      consumer.accept(key(i), value(i));
    }
  }

  @Override
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public TraceStateBuilder toBuilder() {
    return new W3cTraceStateBuilder(this);
  }

  String key(int member) {
    return encoded.substring(bounds[3 * member], bounds[3 * member + 1]);
  }

  String value(int member) {
    return encoded.substring(bounds[3 * member + 1] + 1, bounds[3 * member + 2]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof W3cTraceState && encoded.equals(((W3cTraceState) other).encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return "W3cTraceState{" + encoded + "}";
  }

  /**
   * The first of the {@code count} members (in {@code text}, at {@code members}) whose key is
   * {@code key[start, end)}, or -1.
   */
  private static int indexOfKey(
      String text, int[] members, int count, String key, int start, int end) {
    int length = end - start;
    for (int i = 0; i < count; i++) {
      int keyStart = members[3 * i];
      if (members[3 * i + 1] - keyStart == length
          && text.regionMatches(keyStart, key, start, length)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code key = ( lcalpha / DIGIT ) 0*255 ( keychar )}. */
  static boolean isValidKey(String text, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_KEY_LENGTH || !isLowercaseLetterOrDigit(text.charAt(start))) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      char c = text.charAt(i);
      if (!isLowercaseLetterOrDigit(c)
          && c != '_'
          && c != '-'
          && c != '*'
          && c != '/'
          && c != '@') {
        return false;
      }
    }
    return true;
  }

  /** {@code value = 0*255(chr) nblk-chr}: printable ASCII but {@code ,} and {@code =}. */
  static boolean isValidValue(String text, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_VALUE_LENGTH || text.charAt(end - 1) == ' ') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowercaseLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
