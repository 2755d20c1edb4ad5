package io.otelite.instrumentation.spring.webmvc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HandlerAdapter.handle(request, response, handler)} of every adapter: by the time the
 * {@code DispatcherServlet} calls it, the handler mapping has matched the request and left its
 * pattern in the request. As in the OpenTelemetry agent, which names the span at the same point.
 */
final class HandlerAdapterInstrumentation implements TypeInstrumentation {
  static final String HANDLER_ADAPTER = "org.springframework.web.servlet.HandlerAdapter";

  @Override
  public Set<String> requiredSuperTypes() {
    return Set.of(HANDLER_ADAPTER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(HANDLER_ADAPTER)).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("handle").and(takesArguments(3)).and(isPublic()).and(not(isAbstract())),
        "io.otelite.instrumentation.spring.webmvc.HandlerAdapterAdvice");
  }
}
