import static net.bytebuddy.matcher.ElementMatchers.named;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;

/**
 * An application that bundles its own, older OpenTelemetry API and SDK and its own Byte Buddy, as
 * many real applications do. Under the agent it must still get its own copies, use its own SDK and
 * generate classes with its Byte Buddy, while the agent instruments it on the side.
 * Prints what it sees, then waits to be stopped.
 */
public class OwnLibraryCopiesApp {

  public static void main(String[] args) throws Exception {
    report("opentelemetry-api", OpenTelemetry.class);
    report("opentelemetry-sdk", OpenTelemetrySdk.class);
    report("byte-buddy", ByteBuddy.class);

    // The app's own SDK: used directly, it exports the app's spans itself. As the global one it is
    // ignored under the agent (as with the OpenTelemetry agent): GlobalOpenTelemetry is the agent's.
    List<String> exportedByApp = new CopyOnWriteArrayList<>();
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new ListExporter(exportedByApp)))
            .build();
    tracerProvider.get("own-library-copies-app").spanBuilder("app-sdk-span").startSpan().end();
    GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build());
    GlobalOpenTelemetry.getTracer("own-library-copies-app").spanBuilder("app-global-span").startSpan().end();

    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(named("toString"))
            .intercept(FixedValue.value("made by the app's Byte Buddy"))
            .make()
            .load(OwnLibraryCopiesApp.class.getClassLoader())
            .getLoaded();
    System.out.println("byte-buddy generated: " + generated.getDeclaredConstructor().newInstance());

    // Something the agent instruments, to show that it is at work in this same JVM.
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/own-copies").toURL().openConnection();
    System.out.println("http status: " + connection.getResponseCode());
    connection.disconnect();
    server.stop(0);

    tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
    System.out.println("app exported: " + exportedByApp);
    System.out.println("done");
    System.out.flush();
    Thread.currentThread().join(); // until the test stops the process
  }

  private static void report(String library, Class<?> type) {
    Path jar = Path.of(URI.create(type.getProtectionDomain().getCodeSource().getLocation().toString()));
    ClassLoader loader = type.getClassLoader();
    System.out.println(
        library + ": " + jar.getFileName() + " loaded by " + (loader == null ? "bootstrap" : loader.getName()));
  }

  /** The app's own exporter: remembers span names. */
  private static final class ListExporter implements SpanExporter {
    private final List<String> names;

    ListExporter(List<String> names) {
      this.names = names;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      spans.forEach(span -> names.add(span.getName()));
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
