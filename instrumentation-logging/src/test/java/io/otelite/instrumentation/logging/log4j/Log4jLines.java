package io.otelite.instrumentation.logging.log4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** An appender on one Log4j logger that keeps each event as a pattern prints it. */
public final class Log4jLines extends AbstractAppender {
  public final List<String> printed = new CopyOnWriteArrayList<>();

  private Log4jLines(String pattern) {
    super(
        "lines",
        null,
        PatternLayout.newBuilder().withPattern(pattern).build(),
        true,
        Property.EMPTY_ARRAY);
  }

  /** Attaches a new appender to {@code loggerName} (its own logger configuration, level INFO). */
  public static Log4jLines attach(String loggerName, String pattern) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    Log4jLines lines = new Log4jLines(pattern);
    lines.start();
    LoggerConfig loggerConfig = new LoggerConfig(loggerName, Level.INFO, false);
    loggerConfig.addAppender(lines, Level.ALL, null);
    configuration.removeLogger(loggerName);
    configuration.addLogger(loggerName, loggerConfig);
    context.updateLoggers();
    return lines;
  }

  @Override
  public void append(LogEvent event) {
    printed.add(getLayout().toSerializable(event).toString());
  }
}
