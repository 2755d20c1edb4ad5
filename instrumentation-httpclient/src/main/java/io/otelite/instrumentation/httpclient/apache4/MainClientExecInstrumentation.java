package io.otelite.instrumentation.httpclient.apache4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The end of the execution chain, below the redirect and retry steps: once per request (re)sent.
 */
final class MainClientExecInstrumentation implements TypeInstrumentation {
  private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(MAIN_CLIENT_EXEC);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(MAIN_CLIENT_EXEC);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(4)),
        "io.otelite.instrumentation.httpclient.apache4.RequestSentAdvice");
  }
}
