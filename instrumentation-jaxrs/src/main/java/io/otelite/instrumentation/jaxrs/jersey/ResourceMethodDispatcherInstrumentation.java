package io.otelite.instrumentation.jaxrs.jersey;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AbstractJavaResourceMethodDispatcher.dispatch(Object resource, ContainerRequest request)}:
 * Jersey calls it for every resource method it invokes, once the request is matched (as the
 * OpenTelemetry agent's Jersey instrumentation does).
 */
final class ResourceMethodDispatcherInstrumentation implements TypeInstrumentation {
  private static final String DISPATCHER =
      "org.glassfish.jersey.server.model.internal.AbstractJavaResourceMethodDispatcher";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(DISPATCHER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(DISPATCHER);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("dispatch")
            .and(takesArguments(2))
            .and(takesArgument(1, named("org.glassfish.jersey.server.ContainerRequest"))),
        "io.otelite.instrumentation.jaxrs.jersey.ResourceMethodDispatchAdvice");
  }
}
