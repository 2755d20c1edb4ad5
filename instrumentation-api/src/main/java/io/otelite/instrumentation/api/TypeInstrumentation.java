package io.otelite.instrumentation.api;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The types one piece of advice applies to, and which of their methods it wraps. */
public interface TypeInstrumentation {

  /**
   * A cheap test on the class name, run before anything else about a class is looked at (before its class
   * file is parsed). Return {@code true} for every name {@link #typeMatcher()} could match.
   */
  default boolean mayMatchName(String className) {
    return true;
  }

  /** The types to transform; hierarchy matchers are fine here, they run only after the cheap filters. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Registers advice with the transformer. Advice is named by class name, never by class literal. */
  void transform(TypeTransformer transformer);
}
