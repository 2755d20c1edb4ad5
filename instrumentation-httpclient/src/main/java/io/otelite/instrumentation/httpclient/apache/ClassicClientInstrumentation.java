package io.otelite.instrumentation.httpclient.apache;

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
 * {@code doExecute(target, request, context)} of the classic clients of one version, where every
 * {@code execute} overload (response handlers included) arrives: the subclasses of {@code
 * CloseableHttpClient} in its package.
 */
public final class ClassicClientInstrumentation implements TypeInstrumentation {
  private final String clientPackage;
  private final String requestType;
  private final String adviceClassName;

  /**
   * @param clientPackage the package of the version's {@code CloseableHttpClient}, with a trailing
   *     dot
   * @param requestType the type of {@code doExecute}'s request parameter
   * @param adviceClassName the version's advice, in its module's helper package
   */
  public ClassicClientInstrumentation(
      String clientPackage, String requestType, String adviceClassName) {
    this.clientPackage = clientPackage;
    this.requestType = requestType;
    this.adviceClassName = adviceClassName;
  }

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith(clientPackage) && className.endsWith("HttpClient");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(clientPackage + "CloseableHttpClient"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(1, named(requestType))),
        adviceClassName);
  }
}
