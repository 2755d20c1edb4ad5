package io.otelite.instrumentation.servlet;

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
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where a request enters the application, in either namespace: {@code Servlet.service(
 * ServletRequest, ServletResponse)} of every servlet class, {@code HttpServlet} included (which
 * covers the usual servlets that only override {@code doGet}/{@code doPost}), and {@code
 * Filter.doFilter(ServletRequest, ServletResponse, FilterChain)} of every filter class: a request's
 * span must already exist in the first filter, which may answer without reaching a servlet, or do
 * work (security, database) that belongs to the request's trace.
 *
 * <p>No name pre-filter: any class may implement {@code Servlet} or {@code Filter}. The agent
 * checks the super types from class file headers first, and only in class loaders that see the
 * servlet API (the module's library marker).
 */
final class ServletEntryInstrumentation implements TypeInstrumentation {
  private final String superType;
  private final ElementMatcher<MethodDescription> method;
  private final String adviceClassName;

  private ServletEntryInstrumentation(
      String superType, ElementMatcher<MethodDescription> method, String adviceClassName) {
    this.superType = superType;
    this.method = method;
    this.adviceClassName = adviceClassName;
  }

  static ServletEntryInstrumentation servletService(String namespace, String adviceClassName) {
    return new ServletEntryInstrumentation(
        namespace + ".Servlet",
        named("service")
            .and(takesArguments(2))
            .and(takesArgument(0, named(namespace + ".ServletRequest")))
            .and(takesArgument(1, named(namespace + ".ServletResponse"))),
        adviceClassName);
  }

  static ServletEntryInstrumentation filterDoFilter(String namespace, String adviceClassName) {
    return new ServletEntryInstrumentation(
        namespace + ".Filter",
        named("doFilter")
            .and(takesArguments(3))
            .and(takesArgument(0, named(namespace + ".ServletRequest")))
            .and(takesArgument(1, named(namespace + ".ServletResponse")))
            .and(takesArgument(2, named(namespace + ".FilterChain"))),
        adviceClassName);
  }

  @Override
  public Set<String> requiredSuperTypes() {
    return Set.of(superType);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(superType)).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(isPublic().and(not(isAbstract())).and(method), adviceClassName);
  }
}
