import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs with Logback (pattern with %X{trace_id}) and Log4j 2 inside a @WithSpan method and once outside any
 * span, then exits.
 */
public class LoggingApp {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingApp.class);
  private static final org.apache.logging.log4j.Logger LOG4J = LogManager.getLogger("LoggingApp.log4j");

  public static void main(String[] args) {
    printWithTraceIds();
    new LoggingApp().handle("A-17");
    LOG.info("outside any span");
    System.out.println("done");
  }

  @WithSpan
  public void handle(@SpanAttribute("order.id") String orderId) {
    LOG.info("handling order {}", orderId);
    // Log4j's default configuration prints ERROR and above
    LOG4J.error("log4j handled order {}", orderId);
  }

  private static void printWithTraceIds() {
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
