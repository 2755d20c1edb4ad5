import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * An application that traces with its own OpenTelemetry API 1.40.0 (no SDK: under the agent, its
 * GlobalOpenTelemetry is the agent's). Inside a servlet it starts its own span, makes it current and
 * calls another URL and a database. Prints what Span.current() is inside the servlet, then waits to
 * be stopped.
 */
public class OwnApiApp {
  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("own-api-app", "1.0");

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("own-api-tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "checkout", new CheckoutServlet());
    context.addServletMappingDecoded("/checkout", "checkout");
    Tomcat.addServlet(context, "stock", new StockServlet());
    context.addServletMappingDecoded("/stock", "stock");
    tomcat.getConnector();
    tomcat.start();
    int port = tomcat.getConnector().getLocalPort();
    System.setProperty("own-api.port", String.valueOf(port));

    System.out.println("checkout status: " + get("http://127.0.0.1:" + port + "/checkout"));
    System.out.println("done");
    System.out.flush();
    Thread.currentThread().join(); // until the test stops the process
  }

  static int get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = connection.getResponseCode();
    connection.getInputStream().readAllBytes();
    connection.disconnect();
    return status;
  }

  static final class CheckoutServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Span serverSpan = Span.current();
      System.out.println(
          "servlet sees Span.current(): valid=" + serverSpan.getSpanContext().isValid()
              + " traceId=" + serverSpan.getSpanContext().getTraceId()
              + " spanId=" + serverSpan.getSpanContext().getSpanId());

      Span span =
          TRACER
              .spanBuilder("checkout-logic")
              .setAttribute("order.id", "o-17")
              .setAttribute(AttributeKey.longKey("order.items"), 3L)
              .setAttribute(AttributeKey.doubleKey("order.total"), 12.5)
              .setAttribute(AttributeKey.booleanKey("order.express"), true)
              .setAttribute(AttributeKey.stringArrayKey("order.tags"), List.of("gift", "fragile"))
              .startSpan();
      try (Scope ignored = span.makeCurrent()) {
        int stock = get("http://127.0.0.1:" + System.getProperty("own-api.port") + "/stock");
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:orders");
            Statement statement = db.createStatement()) {
          statement.execute("CREATE TABLE orders (id VARCHAR(10))");
          statement.executeQuery("SELECT id FROM orders").close();
        }
        span.addEvent("stock-checked", Attributes.of(AttributeKey.longKey("stock.status"), (long) stock));
        span.recordException(new IllegalStateException("payment declined"));
        span.setStatus(StatusCode.ERROR, "payment declined");
      } catch (Exception e) {
        span.recordException(e);
        throw new IOException(e);
      } finally {
        span.end();
      }
      response.setStatus(200);
      response.getWriter().print("ok");
    }
  }

  static final class StockServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setStatus(200);
      response.getWriter().print("in stock");
    }
  }
}
