package io.otelite.tooling.export.disk;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfoBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.otelite.tooling.propagation.W3cTraceState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of spans as bytes and back, every field an exporter reads: what the disk buffer stores
 * while the collector is away, to hand the same spans to the real exporter later (any exporter:
 * OTLP, Zipkin, console).
 *
 * <p>Our own compact format rather than OTLP protobuf: reading OTLP back into {@link SpanData}
 * would need a protobuf runtime in the agent (the contrib disk-buffering library brings Wire, Okio
 * and Kotlin for it). A batch's resources and scopes are written once and referred to by index. The
 * first bytes name the format and its version; a file of another version is refused, never misread.
 */
final class SpanBatchCodec {
  private static final int MAGIC = 0x4f544c53; // "OTLS"
  private static final byte VERSION = 1;
  // the enums' order is not part of their API: names are looked up from these tables
  private static final SpanKind[] KINDS = {
    SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER
  };
  private static final StatusCode[] STATUS_CODES = {
    StatusCode.UNSET, StatusCode.OK, StatusCode.ERROR
  };
  private static final AttributeType[] ATTRIBUTE_TYPES = {
    AttributeType.STRING,
    AttributeType.BOOLEAN,
    AttributeType.LONG,
    AttributeType.DOUBLE,
    AttributeType.STRING_ARRAY,
    AttributeType.BOOLEAN_ARRAY,
    AttributeType.LONG_ARRAY,
    AttributeType.DOUBLE_ARRAY,
    AttributeType.VALUE
  };

  private SpanBatchCodec() {}

  static byte[] encode(Collection<SpanData> spans) throws IOException {
    Map<Resource, Integer> resources = new IdentityHashMap<>();
    Map<InstrumentationScopeInfo, Integer> scopes = new IdentityHashMap<>();
    for (SpanData span : spans) {
      resources.putIfAbsent(span.getResource(), resources.size());
      scopes.putIfAbsent(span.getInstrumentationScopeInfo(), scopes.size());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * spans.size() + 256);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeByte(VERSION);
    out.writeInt(resources.size());
    for (Resource resource : inIndexOrder(resources)) {
      writeNullableString(out, resource.getSchemaUrl());
      writeAttributes(out, resource.getAttributes());
    }
    out.writeInt(scopes.size());
    for (InstrumentationScopeInfo scope : inIndexOrder(scopes)) {
      writeString(out, scope.getName());
      writeNullableString(out, scope.getVersion());
      writeNullableString(out, scope.getSchemaUrl());
      writeAttributes(out, scope.getAttributes());
    }
    out.writeInt(spans.size());
    for (SpanData span : spans) {
      out.writeInt(resources.get(span.getResource()));
      out.writeInt(scopes.get(span.getInstrumentationScopeInfo()));
      writeSpan(out, span);
    }
    out.flush();
    return bytes.toByteArray();
  }

  static List<SpanData> decode(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a span batch");
    }
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException(
          "span batch format version " + version + ", this agent reads " + VERSION);
    }
    Resource[] resources = new Resource[count(in)];
    for (int i = 0; i < resources.length; i++) {
      String schemaUrl = readNullableString(in);
      resources[i] = Resource.create(readAttributes(in), schemaUrl);
    }
    InstrumentationScopeInfo[] scopes = new InstrumentationScopeInfo[count(in)];
    for (int i = 0; i < scopes.length; i++) {
      InstrumentationScopeInfoBuilder scope = InstrumentationScopeInfo.builder(readString(in));
      String version2 = readNullableString(in);
      if (version2 != null) {
        scope.setVersion(version2);
      }
      String schemaUrl = readNullableString(in);
      if (schemaUrl != null) {
        scope.setSchemaUrl(schemaUrl);
      }
      scopes[i] = scope.setAttributes(readAttributes(in)).build();
    }
    int spanCount = count(in);
    List<SpanData> spans = new ArrayList<>(spanCount);
    for (int i = 0; i < spanCount; i++) {
      Resource resource = resources[index(in, resources.length)];
      InstrumentationScopeInfo scope = scopes[index(in, scopes.length)];
      spans.add(readSpan(in, resource, scope));
    }
    return spans;
  }

  private static void writeSpan(DataOutputStream out, SpanData span) throws IOException {
    writeString(out, span.getName());
    out.writeByte(indexOf(KINDS, span.getKind()));
    writeSpanContext(out, span.getSpanContext());
    writeSpanContext(out, span.getParentSpanContext());
    out.writeLong(span.getStartEpochNanos());
    out.writeLong(span.getEndEpochNanos());
    out.writeBoolean(span.hasEnded());
    out.writeByte(indexOf(STATUS_CODES, span.getStatus().getStatusCode()));
    String description = span.getStatus().getDescription();
    writeString(out, description == null ? "" : description);
    writeAttributes(out, span.getAttributes());
    out.writeInt(span.getTotalAttributeCount());
    out.writeInt(span.getEvents().size());
    for (EventData event : span.getEvents()) {
      out.writeLong(event.getEpochNanos());
      writeString(out, event.getName());
      writeAttributes(out, event.getAttributes());
      out.writeInt(event.getTotalAttributeCount());
    }
    out.writeInt(span.getTotalRecordedEvents());
    out.writeInt(span.getLinks().size());
    for (LinkData link : span.getLinks()) {
      writeSpanContext(out, link.getSpanContext());
      writeAttributes(out, link.getAttributes());
      out.writeInt(link.getTotalAttributeCount());
    }
    out.writeInt(span.getTotalRecordedLinks());
  }

  private static SpanData readSpan(
      DataInputStream in, Resource resource, InstrumentationScopeInfo scope) throws IOException {
    String name = readString(in);
    SpanKind kind = KINDS[index(in.readByte(), KINDS.length)];
    SpanContext context = readSpanContext(in);
    SpanContext parent = readSpanContext(in);
    long start = in.readLong();
    long end = in.readLong();
    boolean ended = in.readBoolean();
    StatusCode statusCode = STATUS_CODES[index(in.readByte(), STATUS_CODES.length)];
    StatusData status = StatusData.create(statusCode, readString(in));
    Attributes attributes = readAttributes(in);
    int totalAttributes = in.readInt();
    int eventCount = count(in);
    List<EventData> events = new ArrayList<>(eventCount);
    for (int i = 0; i < eventCount; i++) {
      long epochNanos = in.readLong();
      String eventName = readString(in);
      events.add(EventData.create(epochNanos, eventName, readAttributes(in), in.readInt()));
    }
    int totalEvents = in.readInt();
    int linkCount = count(in);
    List<LinkData> links = new ArrayList<>(linkCount);
    for (int i = 0; i < linkCount; i++) {
      SpanContext linked = readSpanContext(in);
      links.add(LinkData.create(linked, readAttributes(in), in.readInt()));
    }
    int totalLinks = in.readInt();
    return new StoredSpan(
        resource,
        scope,
        name,
        kind,
        context,
        parent,
        start,
        end,
        ended,
        status,
        attributes,
        totalAttributes,
        events,
        totalEvents,
        links,
        totalLinks);
  }

  private static void writeSpanContext(DataOutputStream out, SpanContext context)
      throws IOException {
    out.writeBoolean(context.isValid());
    if (!context.isValid()) {
      return;
    }
    out.write(context.getTraceIdBytes());
    out.write(context.getSpanIdBytes());
    out.writeByte(context.getTraceFlags().asByte());
    out.writeBoolean(context.isRemote());
    Map<String, String> entries = context.getTraceState().asMap();
    out.writeInt(entries.size());
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      writeString(out, entry.getKey());
      writeString(out, entry.getValue());
    }
  }

  private static SpanContext readSpanContext(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return SpanContext.getInvalid();
    }
    byte[] traceId = new byte[16];
    in.readFully(traceId);
    byte[] spanId = new byte[8];
    in.readFully(spanId);
    TraceFlags flags = TraceFlags.fromByte(in.readByte());
    boolean remote = in.readBoolean();
    int entries = count(in);
    TraceState traceState = TraceState.getDefault();
    if (entries > 0) {
      String[] keysAndValues = new String[2 * entries];
      for (int i = 0; i < keysAndValues.length; i++) {
        keysAndValues[i] = readString(in);
      }
      // a member put goes to the front: the last one first keeps the order they were written in
      TraceStateBuilder builder = W3cTraceState.builder();
      for (int i = entries - 1; i >= 0; i--) {
        builder.put(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
      }
      traceState = builder.build();
    }
    String trace = TraceId.fromBytes(traceId);
    String span = SpanId.fromBytes(spanId);
    return remote
        ? SpanContext.createFromRemoteParent(trace, span, flags, traceState)
        : SpanContext.create(trace, span, flags, traceState);
  }

  private static void writeAttributes(DataOutputStream out, Attributes attributes)
      throws IOException {
    out.writeInt(attributes.size());
    IOException[] failure = new IOException[1];
    attributes.forEach(
        (key, value) -> {
          if (failure[0] == null) {
            try {
              writeAttribute(out, key, value);
            } catch (IOException e) {
              failure[0] = e;
            }
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  @SuppressWarnings("unchecked")
  private static void writeAttribute(DataOutputStream out, AttributeKey<?> key, Object value)
      throws IOException {
    out.writeByte(indexOf(ATTRIBUTE_TYPES, key.getType()));
    writeString(out, key.getKey());
    switch (key.getType()) {
      case STRING:
        writeString(out, (String) value);
        break;
      case BOOLEAN:
        out.writeBoolean((Boolean) value);
        break;
      case LONG:
        out.writeLong((Long) value);
        break;
      case DOUBLE:
        out.writeDouble((Double) value);
        break;
      case STRING_ARRAY:
        List<String> strings = (List<String>) value;
        out.writeInt(strings.size());
        for (String string : strings) {
          writeString(out, string);
        }
        break;
      case BOOLEAN_ARRAY:
        List<Boolean> booleans = (List<Boolean>) value;
        out.writeInt(booleans.size());
        for (Boolean bool : booleans) {
          out.writeBoolean(bool);
        }
        break;
      case LONG_ARRAY:
        List<Long> longs = (List<Long>) value;
        out.writeInt(longs.size());
        for (Long number : longs) {
          out.writeLong(number);
        }
        break;
      case DOUBLE_ARRAY:
        List<Double> doubles = (List<Double>) value;
        out.writeInt(doubles.size());
        for (Double number : doubles) {
          out.writeDouble(number);
        }
        break;
      case VALUE:
        writeValue(out, (Value<?>) value);
        break;
    }
  }

  private static Attributes readAttributes(DataInputStream in) throws IOException {
    int size = count(in);
    if (size == 0) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < size; i++) {
      AttributeType type = ATTRIBUTE_TYPES[index(in.readByte(), ATTRIBUTE_TYPES.length)];
      String key = readString(in);
      switch (type) {
        case STRING:
          builder.put(AttributeKey.stringKey(key), readString(in));
          break;
        case BOOLEAN:
          builder.put(AttributeKey.booleanKey(key), in.readBoolean());
          break;
        case LONG:
          builder.put(AttributeKey.longKey(key), in.readLong());
          break;
        case DOUBLE:
          builder.put(AttributeKey.doubleKey(key), in.readDouble());
          break;
        case STRING_ARRAY:
          List<String> strings = new ArrayList<>();
          for (int n = count(in); n > 0; n--) {
            strings.add(readString(in));
          }
          builder.put(AttributeKey.stringArrayKey(key), strings);
          break;
        case BOOLEAN_ARRAY:
          List<Boolean> booleans = new ArrayList<>();
          for (int n = count(in); n > 0; n--) {
            booleans.add(in.readBoolean());
          }
          builder.put(AttributeKey.booleanArrayKey(key), booleans);
          break;
        case LONG_ARRAY:
          List<Long> longs = new ArrayList<>();
          for (int n = count(in); n > 0; n--) {
            longs.add(in.readLong());
          }
          builder.put(AttributeKey.longArrayKey(key), longs);
          break;
        case DOUBLE_ARRAY:
          List<Double> doubles = new ArrayList<>();
          for (int n = count(in); n > 0; n--) {
            doubles.add(in.readDouble());
          }
          builder.put(AttributeKey.doubleArrayKey(key), doubles);
          break;
        case VALUE:
          builder.put(AttributeKey.valueKey(key), readValue(in));
          break;
      }
    }
    return builder.build();
  }

  // complex attribute values (maps, arrays, bytes), a tree; tags are ours, not ValueType's order
  private static void writeValue(DataOutputStream out, Value<?> value) throws IOException {
    switch (value.getType()) {
      case STRING:
        out.writeByte(0);
        writeString(out, (String) value.getValue());
        break;
      case BOOLEAN:
        out.writeByte(1);
        out.writeBoolean((Boolean) value.getValue());
        break;
      case LONG:
        out.writeByte(2);
        out.writeLong((Long) value.getValue());
        break;
      case DOUBLE:
        out.writeByte(3);
        out.writeDouble((Double) value.getValue());
        break;
      case ARRAY:
        out.writeByte(4);
        List<?> elements = (List<?>) value.getValue();
        out.writeInt(elements.size());
        for (Object element : elements) {
          writeValue(out, (Value<?>) element);
        }
        break;
      case KEY_VALUE_LIST:
        out.writeByte(5);
        List<?> entries = (List<?>) value.getValue();
        out.writeInt(entries.size());
        for (Object entry : entries) {
          writeString(out, ((KeyValue) entry).getKey());
          writeValue(out, ((KeyValue) entry).getValue());
        }
        break;
      case BYTES:
        out.writeByte(6);
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
        break;
      default:
        out.writeByte(7); // EMPTY, and any type a later API adds
        break;
    }
  }

  private static Value<?> readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case 0:
        return Value.of(readString(in));
      case 1:
        return Value.of(in.readBoolean());
      case 2:
        return Value.of(in.readLong());
      case 3:
        return Value.of(in.readDouble());
      case 4:
        List<Value<?>> elements = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
          elements.add(readValue(in));
        }
        return Value.of(elements);
      case 5:
        List<KeyValue> entries = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
          String key = readString(in);
          entries.add(KeyValue.of(key, readValue(in)));
        }
        return Value.of(entries.toArray(new KeyValue[0]));
      case 6:
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return Value.of(bytes);
      case 7:
        return Value.empty();
      default:
        throw new IOException("unknown value tag " + tag);
    }
  }

  private static void writeNullableString(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeString(out, value);
    }
  }

  private static String readNullableString(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  // not writeUTF: it stops at 64 KB, and an attribute (a long SQL statement) may be longer
  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[count(in)];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * A length or count; a negative or absurd one is a damaged file, not a reason for a huge
   * allocation.
   */
  private static int count(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IOException("damaged span batch (count " + count + ")");
    }
    return count;
  }

  private static int index(DataInputStream in, int size) throws IOException {
    return index(in.readInt(), size);
  }

  private static int index(int index, int size) throws IOException {
    if (index < 0 || index >= size) {
      throw new IOException("damaged span batch (index " + index + " of " + size + ")");
    }
    return index;
  }

  private static <T> int indexOf(T[] table, T value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("cannot store " + value);
  }

  private static <T> List<T> inIndexOrder(Map<T, Integer> indexes) {
    List<T> ordered = new ArrayList<>(indexes.keySet());
    for (Map.Entry<T, Integer> entry : indexes.entrySet()) {
      ordered.set(entry.getValue(), entry.getKey());
    }
    return ordered;
  }
}
