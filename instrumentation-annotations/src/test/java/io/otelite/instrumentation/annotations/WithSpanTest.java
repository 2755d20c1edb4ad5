package io.otelite.instrumentation.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.annotated.Orders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.CodeAttributes;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithSpanTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  private final Orders orders = new Orders();

  @BeforeEach
  void clear() {
    harness.clear();
  }

  @Test
  void anAnnotatedMethodRunsInAnInternalSpanNamedAfterClassAndMethod() throws Exception {
    SpanContext[] parent = new SpanContext[1];
    SpanContext inside =
        harness.runWithSpan(
            "parent",
            () -> {
              parent[0] = Span.current().getSpanContext();
              return orders.place();
            });

    List<SpanData> spans = harness.waitForSpans(2);
    SpanData span = spans.get(0);
    assertThat(span.getName()).isEqualTo("Orders.place");
    assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.getParentSpanContext()).isEqualTo(parent[0]);
    assertThat(span.getSpanContext()).as("current during the call").isEqualTo(inside);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(CodeAttributes.CODE_FUNCTION_NAME))
        .isEqualTo("example.annotated.Orders.place");
    assertThat(span.getInstrumentationScopeInfo().getName())
        .isEqualTo("io.otelite.opentelemetry-instrumentation-annotations");
  }

  @Test
  void theSpanReportsTheModulesScopeAtTheAgentsVersion() {
    orders.charge();

    InstrumentationScopeInfo scope = harness.waitForSpans(1).get(0).getInstrumentationScopeInfo();
    assertThat(scope.getName()).isEqualTo("io.otelite.opentelemetry-instrumentation-annotations");
    assertThat(scope.getVersion()).isEqualTo(AgentVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void theAnnotationNamesTheSpanAndItsKind() {
    orders.charge();

    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getName()).isEqualTo("charge card");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getParentSpanContext().isValid()).as("no parent: a new trace").isFalse();
  }

  @Test
  void aThrowingMethodEndsItsSpanAsAnErrorAndTheCallerGetsTheSameException() {
    assertThatThrownBy(orders::reject)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("out of stock");

    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getName()).isEqualTo("exception");
              assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                  .isEqualTo(IllegalStateException.class.getName());
              assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message")))
                  .isEqualTo("out of stock");
            });
  }

  @Test
  void spanAttributeParametersBecomeTypedAttributesNamedByTheAnnotationOrTheParameter() {
    orders.ship("A-17", 3, true, 2.5, null, "secret");

    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("order.id"))).isEqualTo("A-17");
    assertThat(span.getAttributes().get(AttributeKey.longKey("quantity"))).isEqualTo(3L);
    assertThat(span.getAttributes().get(AttributeKey.booleanKey("express"))).isTrue();
    assertThat(span.getAttributes().get(AttributeKey.doubleKey("order.weight"))).isEqualTo(2.5);
    assertThat(span.getAttributes().asMap().keySet())
        .extracting(AttributeKey::getKey)
        .as("a null argument and an unannotated parameter give no attribute")
        .containsExactlyInAnyOrder(
            "order.id", "quantity", "express", "order.weight", "code.function.name");
  }

  @Test
  void staticMethodsGetSpansToo() {
    assertThat(Orders.count(5)).isEqualTo(5);

    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getName()).isEqualTo("Orders.count");
    assertThat(span.getAttributes().get(AttributeKey.longKey("count.limit"))).isEqualTo(5L);
  }

  @Test
  void aReturnedFutureEndsTheSpanWhenItCompletes() throws Exception {
    CompletableFuture<String> confirmation = new CompletableFuture<>();

    CompletableFuture<String> returned = orders.confirmLater(confirmation);

    assertThat(returned).as("the caller gets the method's own future").isSameAs(confirmation);
    Thread.sleep(50);
    assertThat(harness.spans()).as("not ended before the future completes").isEmpty();
    confirmation.complete("ok");
    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getName()).isEqualTo("Orders.confirmLater");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aFutureThatFailsMakesTheSpanAnError() {
    CompletableFuture<String> confirmation = new CompletableFuture<>();
    orders.confirmLater(confirmation);

    confirmation.completeExceptionally(new IllegalArgumentException("declined"));

    SpanData span = harness.waitForSpans(1).get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalArgumentException.class.getName()));
  }

  @Test
  void withoutInheritedContextTheSpanStartsANewTrace() throws Exception {
    SpanContext inside = harness.runWithSpan("parent", orders::audit);

    SpanData audit = harness.waitForSpans(2).get(0);
    assertThat(audit.getSpanContext()).isEqualTo(inside);
    assertThat(audit.getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void methodsWithoutTheAnnotationMakeNoSpan() throws Exception {
    orders.notAnnotated();
    Thread.sleep(50);

    assertThat(harness.spans()).isEmpty();
  }
}
