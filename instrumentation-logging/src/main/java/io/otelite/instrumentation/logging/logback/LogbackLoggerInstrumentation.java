package io.otelite.instrumentation.logging.logback;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ch.qos.logback.classic.Logger.callAppenders(ILoggingEvent)}: every event that passed the
 * level and turbo filters goes through it once, on the thread that logs, whatever appenders are
 * configured.
 */
final class LogbackLoggerInstrumentation implements TypeInstrumentation {
  static final String LOGGER = "ch.qos.logback.classic.Logger";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(LOGGER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(LOGGER);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("callAppenders")
            .and(takesArguments(1))
            .and(takesArgument(0, named("ch.qos.logback.classic.spi.ILoggingEvent"))),
        "io.otelite.instrumentation.logging.logback.LogbackCallAppendersAdvice");
  }
}
