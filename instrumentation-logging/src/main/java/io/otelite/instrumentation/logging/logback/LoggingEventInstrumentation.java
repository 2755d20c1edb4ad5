package io.otelite.instrumentation.logging.logback;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code LoggingEvent}: its constructors note the span current on the logging thread, and {@code
 * getMDCPropertyMap()}, through which every appender and layout reads the MDC, adds that span's
 * ids. Capturing at construction matters for asynchronous appenders, which read the MDC later, on
 * their own thread.
 */
final class LoggingEventInstrumentation implements TypeInstrumentation {
  static final String LOGGING_EVENT = "ch.qos.logback.classic.spi.LoggingEvent";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(LOGGING_EVENT);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(LOGGING_EVENT);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isConstructor(),
        "io.otelite.instrumentation.logging.logback.LoggingEventConstructorAdvice");
    transformer.applyAdviceToMethod(
        named("getMDCPropertyMap").and(isPublic()).and(takesArguments(0)),
        "io.otelite.instrumentation.logging.logback.LoggingEventMdcAdvice");
  }
}
