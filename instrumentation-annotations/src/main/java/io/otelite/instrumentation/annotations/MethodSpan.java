package io.otelite.instrumentation.annotations;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.semconv.CodeAttributes;
import io.otelite.instrumentation.api.AgentVersion;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The span of one call of a {@code @WithSpan} method: current while the method runs, ended when it
 * returns or throws, or, for a method that returns a {@code CompletionStage}, when that completes.
 * The returned future itself is left as it is: the span ends in a callback registered on it.
 */
final class MethodSpan {
  private static final Tracer TRACER =
      AgentVersion.tracer(
          GlobalOpenTelemetry.get(), "io.otelite.opentelemetry-instrumentation-annotations");

  private final SpanRecipe recipe;
  private final Span span;
  private final Scope scope;

  private MethodSpan(SpanRecipe recipe, Span span, Scope scope) {
    this.recipe = recipe;
    this.span = span;
    this.scope = scope;
  }

  /** {@code arguments}: {@code null} unless the method has {@code @SpanAttribute} parameters. */
  static MethodSpan start(Class<?> type, String methodNameAndDescriptor, Object[] arguments) {
    SpanRecipe recipe = SpanRecipes.forMethod(type, methodNameAndDescriptor);
    if (recipe == null) {
      return null;
    }
    Context parent = recipe.inheritContext ? Context.current() : Context.root();
    SpanBuilder builder =
        TRACER
            .spanBuilder(recipe.spanName)
            .setSpanKind(recipe.kind)
            .setParent(parent)
            .setAttribute(CodeAttributes.CODE_FUNCTION_NAME, recipe.codeFunctionName);
    recipe.setArgumentAttributes(builder, arguments);
    Span span = builder.startSpan();
    return new MethodSpan(recipe, span, parent.with(span).makeCurrent());
  }

  void end(Object returned, Throwable error) {
    scope.close();
    if (error == null && recipe.endsWithReturnedFuture && returned instanceof CompletionStage) {
      ((CompletionStage<?>) returned).whenComplete((result, failure) -> finish(unwrap(failure)));
      return;
    }
    finish(error);
  }

  private void finish(Throwable error) {
    if (error != null) {
      span.setStatus(StatusCode.ERROR);
      span.recordException(error);
    }
    span.end();
  }

  /**
   * A future that failed reports the cause wrapped; the span records what the method's code threw.
   */
  private static Throwable unwrap(Throwable failure) {
    if ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }
}
