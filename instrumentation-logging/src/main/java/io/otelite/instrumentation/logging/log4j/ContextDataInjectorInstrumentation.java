package io.otelite.instrumentation.logging.log4j;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Log4j's own {@code ContextDataInjector}s, the {@code ThreadContextDataInjector.For*} classes (2.7
 * and later). Every way Log4j creates an event asks one of them for its context data, on the thread
 * that logs: {@code Log4jLogEvent}, the garbage-free {@code ReusableLogEventFactory} and the
 * asynchronous loggers' ring-buffer translator alike. So adding the span's ids to what {@code
 * injectContextData} returns covers every appender and layout, synchronous or asynchronous.
 *
 * <p>The OpenTelemetry agent registers a {@code ContextDataProvider} instead, found by Log4j with
 * {@code ServiceLoader} in Log4j's class loader: with indy advice the agent adds nothing to the
 * application's class loaders, so that route is closed. A custom injector set with {@code
 * log4j2.contextDataInjector} is not covered.
 */
final class ContextDataInjectorInstrumentation implements TypeInstrumentation {
  static final String CONTEXT_DATA_INJECTOR = "org.apache.logging.log4j.core.ContextDataInjector";
  private static final String THREAD_CONTEXT_DATA_INJECTOR =
      "org.apache.logging.log4j.core.impl.ThreadContextDataInjector$";

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith(THREAD_CONTEXT_DATA_INJECTOR);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named(CONTEXT_DATA_INJECTOR)).and(not(isAbstract()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("injectContextData").and(isPublic()).and(not(isAbstract())).and(takesArguments(2)),
        "io.otelite.instrumentation.logging.log4j.InjectContextDataAdvice");
  }
}
