package io.otelite.tooling.export.console;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

/**
 * The {@code console} span exporter: one readable line per span on stdout, e.g. {@code otelite span
 * 'GET /orders' SERVER trace=… span=… parent=… 12.3ms status=UNSET {…}}.
 */
public final class ConsoleSpanExporter implements SpanExporter {
  private final PrintStream out;

  private ConsoleSpanExporter(PrintStream out) {
    this.out = out;
  }

  public static ConsoleSpanExporter toStdout() {
    return new ConsoleSpanExporter(System.out);
  }

  /**
   * For {@code otel.javaagent.debug}: the spans go with the agent's own log, not the application's
   * output.
   */
  public static ConsoleSpanExporter toStderr() {
    return new ConsoleSpanExporter(System.err);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    StringBuilder lines = new StringBuilder(spans.size() * 256);
    for (SpanData span : spans) {
      SpanContext parent = span.getParentSpanContext();
      lines
          .append("otelite span '")
          .append(span.getName())
          .append("' ")
          .append(span.getKind())
          .append(" trace=")
          .append(span.getTraceId())
          .append(" span=")
          .append(span.getSpanId())
          .append(" parent=")
          .append(parent.isValid() ? parent.getSpanId() : "-")
          .append(' ')
          .append(
              String.format(
                  Locale.ROOT,
                  "%.3fms",
                  (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
          .append(" status=")
          .append(span.getStatus().getStatusCode())
          .append(' ');
      ConsoleFormat.appendAttributes(lines, span.getAttributes())
          .append(span.getEvents().isEmpty() ? "" : " events=" + span.getEvents().size())
          .append(" scope=")
          .append(span.getInstrumentationScopeInfo().getName())
          .append('\n');
    }
    out.print(lines);
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return flush();
  }
}
