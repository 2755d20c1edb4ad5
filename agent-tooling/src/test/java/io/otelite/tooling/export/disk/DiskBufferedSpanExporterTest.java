package io.otelite.tooling.export.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelite.tooling.export.health.FailedExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBufferedSpanExporterTest {
  @TempDir Path directory;

  @Test
  void spansStoredWhileTheCollectorIsDownArriveOnceWhenItIsBack() throws Exception {
    Collector collector = new Collector();
    DiskBufferedSpanExporter exporter =
        new DiskBufferedSpanExporter(collector, new SpoolDirectory(directory, 1 << 20), 2000);
    List<SpanData> spans = spans(30);
    for (int i = 0; i < spans.size(); i += 3) {
      assertThat(exporter.export(spans.subList(i, i + 3)).isSuccess()).isTrue();
    }
    Thread.sleep(1500); // the sender has tried, failed and backs off

    collector.up.set(true);

    awaitEmpty(directory);
    assertThat(collector.received)
        .containsExactlyInAnyOrderElementsOf(ids(spans))
        .doesNotHaveDuplicates();
    assertThat(collector.refusedBatches).isPositive();
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void whatARunCouldNotSendTheNextRunSends() throws Exception {
    Collector down = new Collector();
    DiskBufferedSpanExporter first =
        new DiskBufferedSpanExporter(down, new SpoolDirectory(directory, 1 << 20), 1000);
    List<SpanData> spans = spans(10);
    first.export(spans.subList(0, 5));
    first.export(spans.subList(5, 10));
    assertThat(first.shutdown().join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(down.received).isEmpty();
    assertThat(batchFiles(directory)).hasSize(2);

    Collector up = new Collector();
    up.up.set(true);
    DiskBufferedSpanExporter second =
        new DiskBufferedSpanExporter(up, new SpoolDirectory(directory, 1 << 20), 1000);

    awaitEmpty(directory);
    assertThat(up.received).containsExactlyInAnyOrderElementsOf(ids(spans)).doesNotHaveDuplicates();
    second.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void aFullDirectoryRefusesNewSpansAndCountsThem() throws Exception {
    List<SpanData> spans = spans(4);
    long batchBytes = SpanBatchCodec.encode(spans.subList(0, 2)).length;
    DiskBufferedSpanExporter exporter =
        new DiskBufferedSpanExporter(
            new Collector(), new SpoolDirectory(directory, batchBytes + 10), 1000);
    long droppedBefore = DiskBufferDrops.total();

    assertThat(exporter.export(spans.subList(0, 2)).isSuccess()).isTrue();
    assertThat(exporter.export(spans.subList(2, 4)).isSuccess()).isFalse();

    assertThat(DiskBufferDrops.total() - droppedBefore).isEqualTo(2);
    assertThat(batchFiles(directory)).hasSize(1);
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void aBatchTheCollectorRefusesAsInvalidIsDroppedAndCountedNotRetriedForever() throws Exception {
    SpanExporter refusesAsInvalid = answering(400);
    DiskBufferedSpanExporter exporter =
        new DiskBufferedSpanExporter(
            refusesAsInvalid, new SpoolDirectory(directory, 1 << 20), 1000);
    long droppedBefore = DiskBufferDrops.total();

    exporter.export(spans(3));

    awaitEmpty(directory);
    assertThat(DiskBufferDrops.total() - droppedBefore).isEqualTo(3);
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void aBatchRefusedForAReasonThatPassesIsKept() throws Exception {
    for (int status : new int[] {401, 429, 503}) {
      Path subdirectory = directory.resolve(String.valueOf(status));
      DiskBufferedSpanExporter exporter =
          new DiskBufferedSpanExporter(
              answering(status), new SpoolDirectory(subdirectory, 1 << 20), 1000);

      exporter.export(spans(3));
      Thread.sleep(300);

      assertThat(batchFiles(subdirectory)).as("HTTP " + status).hasSize(1);
      exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /**
   * An exporter whose every export fails as the OTLP exporters report the collector's HTTP answer.
   */
  private static SpanExporter answering(int status) {
    return new Collector() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofExceptionalFailure(FailedExports.http(status));
      }
    };
  }

  /** A receiver that refuses every batch until it is up, then records the span ids it gets. */
  static class Collector implements SpanExporter {
    final AtomicBoolean up = new AtomicBoolean();
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile int refusedBatches;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      if (!up.get()) {
        refusedBatches++;
        return CompletableResultCode.ofFailure();
      }
      spans.forEach(span -> received.add(span.getSpanId()));
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  static List<SpanData> spans(int count) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build();
    Tracer tracer = provider.get("test");
    for (int i = 0; i < count; i++) {
      tracer.spanBuilder("span " + i).setSpanKind(SpanKind.CLIENT).startSpan().end();
    }
    List<SpanData> spans = new ArrayList<>(memory.getFinishedSpanItems());
    provider.close();
    return spans;
  }

  static List<String> ids(List<SpanData> spans) {
    return spans.stream().map(SpanData::getSpanId).collect(Collectors.toList());
  }

  static List<Path> batchFiles(Path directory) throws Exception {
    try (var files = Files.list(directory)) {
      return files.collect(Collectors.toList());
    }
  }

  private static void awaitEmpty(Path directory) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!batchFiles(directory).isEmpty()) {
      assertThat(System.currentTimeMillis())
          .as("directory still holds " + batchFiles(directory))
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
