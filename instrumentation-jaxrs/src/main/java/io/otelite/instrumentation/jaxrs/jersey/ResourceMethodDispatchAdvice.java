package io.otelite.instrumentation.jaxrs.jersey;

import net.bytebuddy.asm.Advice;

/** Before Jersey invokes a resource method: see {@link JerseyRoute}. */
public final class ResourceMethodDispatchAdvice {
  private ResourceMethodDispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(1) Object request) {
    JerseyRoute.resourceMethodMatched(request);
  }
}
