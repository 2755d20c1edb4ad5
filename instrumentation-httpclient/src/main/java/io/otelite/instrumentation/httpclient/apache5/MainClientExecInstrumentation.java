package io.otelite.instrumentation.httpclient.apache5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The last step of the classic client's execution chain, run once per request actually sent: after
 * the redirect, retry and authentication steps, which call it again for each resend.
 */
final class MainClientExecInstrumentation implements TypeInstrumentation {
  private static final String MAIN_CLIENT_EXEC =
      "org.apache.hc.client5.http.impl.classic.MainClientExec";

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
        named("execute").and(takesArguments(3)),
        "io.otelite.instrumentation.httpclient.apache5.RequestSentAdvice");
  }
}
