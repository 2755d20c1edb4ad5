package io.otelite.instrumentation.httpclient.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code sun.net.www.protocol.http.HttpURLConnection}, the JDK's implementation. HTTPS goes through
 * it as well: {@code HttpsURLConnectionImpl} delegates every call to a {@code
 * DelegateHttpsURLConnection}, a subclass, whose parent {@code AbstractDelegateHttpsURLConnection}
 * overrides {@code connect}.
 *
 * <p>A request starts at whichever of {@code connect}, {@code getOutputStream} or {@code
 * getInputStream} the application calls first ({@code getResponseCode}, {@code getHeaderField}...
 * call {@code getInputStream}), and ends with {@code getInputStream}, with a failure, or with
 * {@code disconnect}.
 */
final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {
  private static final String HTTP_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";
  private static final String HTTPS_DELEGATE =
      "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(HTTP_CONNECTION) || className.equals(HTTPS_DELEGATE);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(HTTP_CONNECTION, HTTPS_DELEGATE);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("connect", "getOutputStream", "getInputStream")
            .and(isPublic())
            .and(takesArguments(0)),
        "io.otelite.instrumentation.httpclient.urlconnection.UrlConnectionRequestAdvice");
    transformer.applyAdviceToMethod(
        named("disconnect").and(isPublic()).and(takesArguments(0)),
        "io.otelite.instrumentation.httpclient.urlconnection.UrlConnectionDisconnectAdvice");
  }
}
