package io.otelite.instrumentation.annotations;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every class that declares a method annotated with {@code @WithSpan}. The annotations are matched
 * by name (they are the application's classes, not the agent's). Methods with
 * {@code @SpanAttribute} parameters get the advice that reads the arguments; the others get the one
 * that does not copy them into an array.
 */
final class WithSpanInstrumentation implements TypeInstrumentation {
  static final String WITH_SPAN = "io.opentelemetry.instrumentation.annotations.WithSpan";
  static final String SPAN_ATTRIBUTE = "io.opentelemetry.instrumentation.annotations.SpanAttribute";

  private final ExcludedMethods excluded;

  WithSpanInstrumentation(ExcludedMethods excluded) {
    this.excluded = excluded;
  }

  @Override
  public String requiredClassFileText() {
    return "L" + WITH_SPAN.replace('.', '/') + ";";
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return declaresMethod(annotatedMethods());
  }

  @Override
  public void transform(TypeTransformer transformer) {
    ElementMatcher.Junction<MethodDescription> withAttributes =
        hasParameters(whereAny(isAnnotatedWith(named(SPAN_ATTRIBUTE))));
    transformer.applyAdviceToMethod(
        annotatedMethods().and(not(withAttributes)),
        "io.otelite.instrumentation.annotations.WithSpanAdvice");
    transformer.applyAdviceToMethod(
        annotatedMethods().and(withAttributes),
        "io.otelite.instrumentation.annotations.WithSpanAttributesAdvice");
  }

  private ElementMatcher.Junction<MethodDescription> annotatedMethods() {
    ElementMatcher.Junction<MethodDescription> annotated =
        isMethod()
            .and(isAnnotatedWith(named(WITH_SPAN)))
            .and(not(isAbstract()))
            .and(not(isNative()));
    if (excluded.isEmpty()) {
      return annotated;
    }
    return annotated.and(
        not(
            method ->
                excluded.isExcluded(method.getDeclaringType().getTypeName(), method.getName())));
  }
}
