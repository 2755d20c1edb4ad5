package io.otelite.instrumentation.httpclient.apache4;

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
 * {@code doExecute} of the clients in {@code org.apache.http.impl.client} ({@code
 * InternalHttpClient} from {@code HttpClients}, {@code MinimalHttpClient}, the deprecated {@code
 * AbstractHttpClient} family), where every {@code execute} overload arrives.
 */
final class ClassicClientInstrumentation implements TypeInstrumentation {
  private static final String PACKAGE = "org.apache.http.impl.client.";

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith(PACKAGE) && className.endsWith("HttpClient");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(PACKAGE + "CloseableHttpClient"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(1, named("org.apache.http.HttpRequest"))),
        "io.otelite.instrumentation.httpclient.apache4.ClassicExecuteAdvice");
  }
}
