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
 * The classic clients' {@code doExecute}, where every {@code execute} overload (response handlers
 * included) arrives: {@code InternalHttpClient} (what {@code HttpClients.custom()...build()} makes)
 * and {@code MinimalHttpClient}.
 */
final class ClassicClientInstrumentation implements TypeInstrumentation {
  private static final String PACKAGE = "org.apache.hc.client5.http.impl.classic.";

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith(PACKAGE) && className.endsWith("HttpClient");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isAbstract()).and(hasSuperType(named(PACKAGE + "CloseableHttpClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
        "io.otelite.instrumentation.httpclient.apache5.ClassicExecuteAdvice");
  }
}
