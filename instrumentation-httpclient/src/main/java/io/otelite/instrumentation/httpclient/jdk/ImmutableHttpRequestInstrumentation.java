package io.otelite.instrumentation.httpclient.jdk;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What {@code HttpRequest.newBuilder()...build()} returns. Its {@code headers()} gets the
 * propagation headers added, but only for the request that this thread is sending right now: the
 * JDK copies the headers of the request it is given once, at the start of {@code send}/{@code
 * sendAsync}, into its own request, which every exchange (redirects and retries included) then
 * uses. The application's request is neither replaced nor changed.
 */
final class ImmutableHttpRequestInstrumentation implements TypeInstrumentation {
  private static final String IMMUTABLE_REQUEST = "jdk.internal.net.http.ImmutableHttpRequest";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(IMMUTABLE_REQUEST);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(IMMUTABLE_REQUEST);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("headers").and(takesArguments(0)),
        "io.otelite.instrumentation.httpclient.jdk.RequestHeadersAdvice");
  }
}
