package io.otelite.instrumentation.api;

import java.util.Collections;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The types one piece of advice applies to, and which of their methods it wraps. */
public interface TypeInstrumentation {

  /**
   * A cheap test on the class name, run before anything else about a class is looked at (before its
   * class file is parsed). Return {@code true} for every name {@link #typeMatcher()} could match.
   */
  default boolean mayMatchName(String className) {
    return true;
  }

  /**
   * Class or interface names of which a matching type must have at least one among its super types
   * (at any depth); empty when the name filter alone narrows the candidates. The agent checks this
   * from class file headers, cached per class loader, before Byte Buddy describes the class at all:
   * for instrumentations such as "every {@code Servlet}" it is what keeps the cost of loading each
   * application class low.
   */
  default Set<String> requiredSuperTypes() {
    return Collections.emptySet();
  }

  /**
   * Text that the class file of every matching type contains, such as the descriptor of an
   * annotation its methods must carry ({@code Lcom/example/Traced;}); {@code null} when there is
   * none. The agent searches the class file's bytes for it before Byte Buddy describes the class:
   * for "every class with an annotated method" it spares parsing every class of the application.
   * ASCII only.
   */
  default String requiredClassFileText() {
    return null;
  }

  /**
   * The types to transform; hierarchy matchers are fine here, they run only after the cheap
   * filters.
   */
  ElementMatcher<TypeDescription> typeMatcher();

  /**
   * Registers advice with the transformer. Advice is named by class name, never by class literal.
   */
  void transform(TypeTransformer transformer);
}
