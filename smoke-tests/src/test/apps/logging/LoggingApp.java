import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs with Logback (pattern with %X{trace_id}) and Log4j 2 inside a @WithSpan method and once outside any
 * span, then exits.
 */
public class LoggingApp {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingApp.class);
  private static org.apache.logging.log4j.Logger log4j;

  public static void main(String[] args) throws IOException {
    printWithTraceIds();
    log4j = LogManager.getLogger("LoggingApp.log4j");
    new LoggingApp().handle("A-17");
    LOG.info("outside any span");
    System.out.println("done");
  }

  @WithSpan
  public void handle(@SpanAttribute("order.id") String orderId) {
    LOG.info("handling order {}", orderId);
    log4j.warn("log4j handled order {}", orderId);
  }

  private static void printWithTraceIds() throws IOException {
    Path log4jConfiguration = Files.createTempFile("log4j2", ".properties");
    log4jConfiguration.toFile().deleteOnExit();
    Files.writeString(
        log4jConfiguration,
        String.join(
            "\n",
            "appender.console.type = Console",
            "appender.console.name = out",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = log4j trace_id=%X{trace_id} span_id=%X{span_id} %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out"));
    System.setProperty("log4j2.configurationFile", log4jConfiguration.toString());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("logback trace_id=%X{trace_id} span_id=%X{span_id} %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setEncoder(encoder);
    console.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);
  }
}
