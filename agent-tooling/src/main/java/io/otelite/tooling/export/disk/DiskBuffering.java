package io.otelite.tooling.export.disk;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelite.instrumentation.api.AgentLog;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The optional disk buffer for spans ({@code otel.javaagent.disk-buffering.dir}, off by default):
 * each span exporter gets a subdirectory named after it, so that a second exporter (or another
 * protocol after a configuration change) never sends batches meant for the first.
 */
public final class DiskBuffering {
  public static final String DIR = "otel.javaagent.disk-buffering.dir";
  public static final String MAX_SIZE = "otel.javaagent.disk-buffering.max-size";
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private DiskBuffering() {}

  /**
   * {@code exporter} behind a disk buffer when one is configured; {@code exporter} itself when not,
   * or when the directory cannot be used (after one line on stderr).
   */
  public static SpanExporter wrap(
      SpanExporter exporter,
      String exporterName,
      ConfigProperties config,
      long shutdownTimeoutMillis) {
    String dir = config.getString(DIR);
    if (dir == null || dir.trim().isEmpty()) {
      return exporter;
    }
    long maxBytes = maxBytes(config.getString(MAX_SIZE));
    Path directory = Paths.get(dir.trim()).resolve("spans-" + exporterName);
    try {
      SpoolDirectory spool = new SpoolDirectory(directory, maxBytes);
      int waiting = spool.batches().size();
      AgentLog.debug(
          "disk buffering spans in "
              + directory
              + " (at most "
              + maxBytes
              + " bytes), "
              + waiting
              + " batches waiting");
      return new DiskBufferedSpanExporter(exporter, spool, shutdownTimeoutMillis);
    } catch (IOException | RuntimeException e) {
      AgentLog.warn(
          "cannot use "
              + DIR
              + "="
              + dir
              + " ("
              + e
              + "); spans are exported without a disk buffer");
      return exporter;
    }
  }

  /**
   * A size such as {@code 64MB}, {@code 512kb}, {@code 1g} or plain bytes; the default for anything
   * else.
   */
  static long maxBytes(String raw) {
    if (raw == null || raw.trim().isEmpty()) {
      return DEFAULT_MAX_BYTES;
    }
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (value.endsWith("b")) {
      value = value.substring(0, value.length() - 1);
    }
    long unit = 1;
    if (value.endsWith("k")) {
      unit = 1024;
    } else if (value.endsWith("m")) {
      unit = 1024 * 1024;
    } else if (value.endsWith("g")) {
      unit = 1024 * 1024 * 1024;
    }
    String number = (unit == 1 ? value : value.substring(0, value.length() - 1)).trim();
    try {
      long bytes = Long.parseLong(number) * unit;
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    AgentLog.warn(
        "invalid value for "
            + MAX_SIZE
            + ": '"
            + raw
            + "' (expected a size such as 64MB, 512KB or 1GB); using the"
            + " default, 64MB");
    return DEFAULT_MAX_BYTES;
  }
}
