package io.otelite.instrumentation.logging;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.util.List;

/**
 * The harness's instrumentation, with an SDK that also keeps log records in memory (the harness's
 * own SDK has no logs pipeline). Installed once per JVM, before any test touches a logging library.
 */
public final class TestTelemetry {
  private static final InMemoryLogRecordExporter LOGS = InMemoryLogRecordExporter.create();

  static {
    InstrumentationTestHarness.install();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(LOGS))
                    .build())
            .build());
  }

  private TestTelemetry() {}

  public static void install() {
    // the static initializer does the work, once
  }

  public static List<LogRecordData> logRecords() {
    return LOGS.getFinishedLogRecordItems();
  }

  public static void clearLogRecords() {
    LOGS.reset();
  }

  /** Runs {@code work} while a new span is current, and returns that span's context. */
  public static SpanContext inSpan(Runnable work) {
    Span span = GlobalOpenTelemetry.getTracer("test").spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      work.run();
    } finally {
      span.end();
    }
    return span.getSpanContext();
  }
}
