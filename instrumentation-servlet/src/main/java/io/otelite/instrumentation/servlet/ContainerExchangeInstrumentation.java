package io.otelite.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The container methods that hold a whole exchange on one thread: the first dispatch, the error
 * page dispatch after an exception or {@code sendError}, and the container's logging in between
 * (see {@link ServletContainerFrame}). The advice names no servlet type; it lives in each
 * namespace's helper package only because the servlet module of the container's namespace is the
 * one that applies there.
 *
 * <ul>
 *   <li>Tomcat 7 to 11: {@code StandardHostValve.invoke(Request, Response)} runs the context's
 *       pipeline, then the error page.
 *   <li>Jetty 12: {@code ServletChannel.handle()} of ee10 and ee11 runs the dispatch and, in the
 *       same loop, the error page.
 * </ul>
 */
final class ContainerExchangeInstrumentation implements TypeInstrumentation {
  private final String adviceClassName;
  private static final String TOMCAT_HOST_VALVE = "org.apache.catalina.core.StandardHostValve";
  private static final Set<String> JETTY_SERVLET_CHANNELS =
      Set.of(
          "org.eclipse.jetty.ee10.servlet.ServletChannel",
          "org.eclipse.jetty.ee11.servlet.ServletChannel");

  ContainerExchangeInstrumentation(String adviceClassName) {
    this.adviceClassName = adviceClassName;
  }

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(TOMCAT_HOST_VALVE) || JETTY_SERVLET_CHANNELS.contains(className);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(TOMCAT_HOST_VALVE).or(namedOneOf(JETTY_SERVLET_CHANNELS.toArray(new String[0])));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("invoke").and(takesArguments(2)).or(named("handle").and(takesArguments(0)))),
        adviceClassName);
  }
}
