package example;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import java.util.function.Consumer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The test modules' type instrumentation: one class, by its name, with the advice given. */
public final class OneClassInstrumentation implements TypeInstrumentation {
  private final String className;
  private final Consumer<TypeTransformer> advice;

  public OneClassInstrumentation(String className, Consumer<TypeTransformer> advice) {
    this.className = className;
    this.advice = advice;
  }

  @Override
  public boolean mayMatchName(String name) {
    return name.equals(className);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(className);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    advice.accept(transformer);
  }
}
