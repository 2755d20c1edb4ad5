package io.otelite.instrumentation.servlet.jakarta;

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
 * {@code Servlet.service(ServletRequest, ServletResponse)} of every servlet class, {@code
 * HttpServlet} included (which covers the usual servlets that only override {@code doGet}/{@code
 * doPost}).
 *
 * <p>No name pre-filter: any class may implement {@code Servlet}. The agent checks the super types
 * from class file headers first, and only in class loaders that see the servlet API (the module's
 * library marker).
 */
final class JakartaServletServiceInstrumentation implements TypeInstrumentation {
  @Override
  public Set<String> requiredSuperTypes() {
    return Set.of("jakarta.servlet.Servlet");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("jakarta.servlet.Servlet")).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("service")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(2))
            .and(takesArgument(0, named("jakarta.servlet.ServletRequest")))
            .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
        "io.otelite.instrumentation.servlet.jakarta.JakartaServletServiceAdvice");
  }
}
