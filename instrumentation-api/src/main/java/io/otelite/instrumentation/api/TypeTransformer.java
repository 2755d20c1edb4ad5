package io.otelite.instrumentation.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Collects the advice a {@link TypeInstrumentation} applies to the methods of a matched type. */
public interface TypeTransformer {

  /**
   * Wraps the matched methods with the advice class's {@code @Advice.OnMethodEnter} and
   * {@code @Advice.OnMethodExit} methods. Advice methods must be declared {@code inline = false}
   * and {@code suppress = Throwable.class}; they are called through {@code invokedynamic}, so their
   * signatures may only use types the instrumented class can see (JDK and library types, {@code
   * Object} for state).
   */
  void applyAdviceToMethod(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName);
}
