package io.otelite.instrumentation.httpclient.apache5;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The async clients' {@code doExecute}, where every {@code execute} overload arrives ({@code
 * InternalAbstractHttpAsyncClient} for HTTP/1.1 and HTTP/2, {@code
 * AbstractMinimalHttpAsyncClientBase} for the minimal clients). The request only exists once the
 * request producer emits it, so the span starts there; it ends in the future's callback.
 */
final class AsyncClientInstrumentation implements TypeInstrumentation {
  private static final String PACKAGE = "org.apache.hc.client5.http.impl.async.";

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith(PACKAGE) && className.contains("AsyncClient");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(PACKAGE + "CloseableHttpAsyncClient"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(6))
            .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
            .and(takesArgument(5, named("org.apache.hc.core5.concurrent.FutureCallback"))),
        "io.otelite.instrumentation.httpclient.apache5.AsyncExecuteAdvice");
  }
}
