package io.otelite.instrumentation.logging.log4j;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
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
 * Log4j core's {@code Logger} and its subclasses (the asynchronous {@code AsyncLogger}): {@code
 * logMessage} is where the API's {@code info(...)} and friends arrive once the level check has
 * passed, and the 6-argument {@code log} is where the fluent {@code atInfo().log(...)} API arrives
 * (2.13+). Both run on the thread that logs.
 */
final class Log4jLoggerInstrumentation implements TypeInstrumentation {
  static final String CORE_LOGGER = "org.apache.logging.log4j.core.Logger";
  private static final String LEVEL = "org.apache.logging.log4j.Level";
  private static final String MESSAGE = "org.apache.logging.log4j.message.Message";

  @Override
  public boolean mayMatchName(String className) {
    return className.startsWith("org.apache.logging.log4j.core.");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CORE_LOGGER).or(hasSuperClass(named(CORE_LOGGER)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("logMessage")
            .and(not(isAbstract()))
            .and(takesArguments(5))
            .and(takesArgument(0, String.class))
            .and(takesArgument(1, named(LEVEL)))
            .and(takesArgument(3, named(MESSAGE)))
            .and(takesArgument(4, Throwable.class)),
        "io.otelite.instrumentation.logging.log4j.Log4jLogMessageAdvice");
    transformer.applyAdviceToMethod(
        named("log")
            .and(not(isAbstract()))
            .and(takesArguments(6))
            .and(takesArgument(0, named(LEVEL)))
            .and(takesArgument(3, StackTraceElement.class))
            .and(takesArgument(4, named(MESSAGE)))
            .and(takesArgument(5, Throwable.class)),
        "io.otelite.instrumentation.logging.log4j.Log4jLogAdvice");
  }
}
