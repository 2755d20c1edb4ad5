package io.otelite.tooling.export.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBufferingTest {
  @TempDir Path directory;

  @Test
  void offUnlessADirectoryIsConfigured() {
    SpanExporter exporter = InMemorySpanExporter.create();

    assertThat(
            DiskBuffering.wrap(
                exporter, "Otlp", DefaultConfigProperties.createFromMap(Map.of()), 1000))
        .isSameAs(exporter);
  }

  @Test
  void eachExporterGetsASubdirectoryOfItsOwn() throws Exception {
    SpanExporter exporter = InMemorySpanExporter.create();
    SpanExporter buffered =
        DiskBuffering.wrap(
            exporter,
            "OtlpHttpSpanExporter",
            DefaultConfigProperties.createFromMap(Map.of(DiskBuffering.DIR, directory.toString())),
            1000);

    assertThat(buffered).isInstanceOf(DiskBufferedSpanExporter.class);
    assertThat(directory.resolve("spans-OtlpHttpSpanExporter")).isDirectory();
    buffered.shutdown();
  }

  @Test
  void aDirectoryThatCannotBeUsedLeavesTheExporterAsItWas() throws Exception {
    Path aFile = Files.createFile(directory.resolve("not-a-directory"));
    SpanExporter exporter = InMemorySpanExporter.create();

    SpanExporter result =
        DiskBuffering.wrap(
            exporter,
            "Otlp",
            DefaultConfigProperties.createFromMap(Map.of(DiskBuffering.DIR, aFile.toString())),
            1000);

    assertThat(result).isSameAs(exporter);
  }

  @Test
  void sizesReadAsUsersWriteThem() {
    assertThat(DiskBuffering.maxBytes("64MB")).isEqualTo(64L * 1024 * 1024);
    assertThat(DiskBuffering.maxBytes("512kb")).isEqualTo(512L * 1024);
    assertThat(DiskBuffering.maxBytes("1g")).isEqualTo(1024L * 1024 * 1024);
    assertThat(DiskBuffering.maxBytes(" 2 GB ")).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(DiskBuffering.maxBytes("100000")).isEqualTo(100_000);
    assertThat(DiskBuffering.maxBytes(null)).isEqualTo(DiskBuffering.DEFAULT_MAX_BYTES);
    assertThat(DiskBuffering.maxBytes("lots"))
        .as("with a line on stderr")
        .isEqualTo(DiskBuffering.DEFAULT_MAX_BYTES);
    assertThat(DiskBuffering.maxBytes("-5MB")).isEqualTo(DiskBuffering.DEFAULT_MAX_BYTES);
  }
}
