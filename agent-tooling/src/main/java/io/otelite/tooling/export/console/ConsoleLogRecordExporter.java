package io.otelite.tooling.export.console;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.io.PrintStream;
import java.util.Collection;

/** The {@code console} log exporter: one line per log record on stdout, with its trace context. */
public final class ConsoleLogRecordExporter implements LogRecordExporter {
  private final PrintStream out = System.out;

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    StringBuilder lines = new StringBuilder();
    for (LogRecordData log : logs) {
      lines
          .append("otelite log ")
          .append(log.getSeverity())
          .append(" trace=")
          .append(log.getSpanContext().isValid() ? log.getSpanContext().getTraceId() : "-")
          .append(" span=")
          .append(log.getSpanContext().isValid() ? log.getSpanContext().getSpanId() : "-")
          .append(' ')
          .append(log.getBodyValue() == null ? "" : log.getBodyValue().asString())
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
