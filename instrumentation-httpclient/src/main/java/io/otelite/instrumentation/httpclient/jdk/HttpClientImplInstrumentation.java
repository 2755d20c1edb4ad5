package io.otelite.instrumentation.httpclient.jdk;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's client implementation. {@code HttpClientFacade}, what {@code
 * HttpClient.newHttpClient()} returns, only delegates to it, so instrumenting the implementation
 * alone gives one span per call. {@code send} is synchronous; the public {@code sendAsync}
 * overloads call each other, hence the call-depth guard in the advice.
 */
final class HttpClientImplInstrumentation implements TypeInstrumentation {
  private static final String CLIENT_IMPL = "jdk.internal.net.http.HttpClientImpl";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(CLIENT_IMPL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CLIENT_IMPL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("send")
            .and(isPublic())
            .and(takesArguments(2))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "io.otelite.instrumentation.httpclient.jdk.HttpClientSendAdvice");
    transformer.applyAdviceToMethod(
        named("sendAsync")
            .and(isPublic())
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "io.otelite.instrumentation.httpclient.jdk.HttpClientSendAsyncAdvice");
  }
}
