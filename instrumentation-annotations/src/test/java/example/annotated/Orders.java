package example.annotated;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.concurrent.CompletableFuture;

/**
 * Application code with annotated methods; each returns the span context current inside it where
 * useful.
 */
public class Orders {
  @WithSpan
  public SpanContext place() {
    return Span.current().getSpanContext();
  }

  @WithSpan(value = "charge card", kind = SpanKind.CLIENT)
  public void charge() {}

  @WithSpan
  public void reject() {
    throw new IllegalStateException("out of stock");
  }

  @WithSpan
  public void ship(
      @SpanAttribute("order.id") String id,
      @SpanAttribute long quantity,
      @SpanAttribute boolean express,
      @SpanAttribute("order.weight") double weight,
      @SpanAttribute("order.note") String note,
      String notRecorded) {}

  @WithSpan
  public CompletableFuture<String> confirmLater(CompletableFuture<String> confirmation) {
    return confirmation;
  }

  @WithSpan(inheritContext = false)
  public SpanContext audit() {
    return Span.current().getSpanContext();
  }

  public void notAnnotated() {}

  @WithSpan
  public static int count(@SpanAttribute("count.limit") int limit) {
    return limit;
  }
}
