package io.otelite.instrumentation.servlet.javax;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Filter.doFilter(ServletRequest, ServletResponse, FilterChain)} of every filter class: a
 * request's span must already exist in the first filter, which may answer without reaching a
 * servlet, or do work (security, database) that belongs to the request's trace.
 */
final class JavaxFilterInstrumentation implements TypeInstrumentation {
  @Override
  public Set<String> requiredSuperTypes() {
    return Set.of("javax.servlet.Filter");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("javax.servlet.Filter")).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("doFilter")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(0, named("javax.servlet.ServletRequest")))
            .and(takesArgument(1, named("javax.servlet.ServletResponse")))
            .and(takesArgument(2, named("javax.servlet.FilterChain"))),
        "io.otelite.instrumentation.servlet.javax.JavaxFilterAdvice");
  }
}
