package io.otelite.instrumentation.httpclient.apache;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code MainClientExec.execute}, the last step of the classic client's execution chain: run once
 * per request actually sent, after the redirect, retry and authentication steps, which call it
 * again for each resend.
 */
public final class RequestSentInstrumentation implements TypeInstrumentation {
  private final String mainClientExec;
  private final int executeArguments;
  private final String adviceClassName;

  /**
   * @param mainClientExec the version's {@code MainClientExec}
   * @param executeArguments how many parameters its {@code execute} takes
   * @param adviceClassName the version's advice, in its module's helper package
   */
  public RequestSentInstrumentation(
      String mainClientExec, int executeArguments, String adviceClassName) {
    this.mainClientExec = mainClientExec;
    this.executeArguments = executeArguments;
    this.adviceClassName = adviceClassName;
  }

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(mainClientExec);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(mainClientExec);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(executeArguments)), adviceClassName);
  }
}
