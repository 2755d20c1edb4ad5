package io.otelite.instrumentation.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server in the test JVM that remembers what it received. {@code /ok} answers 200,
 * {@code /not-found} 404, {@code /error} 500, {@code /redirect} 302 to {@code /ok}; any other path
 * 200.
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as the server received it; header names in lower case. */
  public static final class ReceivedRequest {
    public final String method;
    public final String path;
    public final Map<String, List<String>> headers;

    ReceivedRequest(String method, String path, Map<String, List<String>> headers) {
      this.method = method;
      this.path = path;
      this.headers = headers;
    }

    public List<String> headerValues(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
      return method + " " + path + " " + headers;
    }
  }

  private final HttpServer server;
  private final String scheme;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

  /** Plain HTTP. */
  public RecordingHttpServer() throws IOException {
    this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
  }

  /** HTTPS with the certificate of {@code sslContext}. */
  public static RecordingHttpServer https(SSLContext sslContext) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext));
    return new RecordingHttpServer(server, "https");
  }

  private RecordingHttpServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http(s)://127.0.0.1:<port><pathAndQuery>} */
  public URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
  }

  public List<ReceivedRequest> received() {
    return new ArrayList<>(received);
  }

  public ReceivedRequest lastReceived() {
    if (received.isEmpty()) {
      throw new AssertionError("the server received no request");
    }
    return received.get(received.size() - 1);
  }

  public void clear() {
    received.clear();
  }

  /** A URI on which nothing listens: connecting to it is refused. */
  public static URI refusingUri() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/ok");
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    String path = exchange.getRequestURI().getPath();
    received.add(
        new ReceivedRequest(
            exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers));
    int status;
    switch (path) {
      case "/not-found":
        status = 404;
        break;
      case "/error":
        status = 500;
        break;
      case "/redirect":
        status = 302;
        exchange.getResponseHeaders().add("Location", "/ok");
        break;
      default:
        status = 200;
    }
    byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
